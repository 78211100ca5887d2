using System.Text.Encodings.Web;
using System.Text.Json;
using Meridian.Grains.Portfolios;
using static Meridian.Grains.Backtesting.Reports.WireFormat;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// summary.json: the run's headline numbers for a program to read, snake_case, in a fixed property order. Amounts
/// are decimal strings (as Alpaca's API writes them, so no reader turns them into doubles), ratios are JSON numbers
/// in round-trip form, a figure the statistics leave undefined is null, times are ISO 8601 UTC and the drawdown
/// duration is "d.hh:mm:ss". Written with "\n" line breaks and nothing from the clock or the machine, so the same
/// result gives the same bytes everywhere.
/// </summary>
internal static class SummaryJson
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        NewLine = "\n",
        // A file, not HTML: keep '+', '<' and non-ASCII text in settings readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The summary as UTF-8 bytes, ending with a line break.</summary>
    public static byte[] Write(BacktestResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            json.WriteStartObject();
            WriteRun(json, result);
            WriteStatistics(json, result.Statistics);
            WriteActivity(json, result);
            json.WriteStartObject("settings");
            foreach (var (name, value) in result.Settings)
                json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteRun(Utf8JsonWriter json, BacktestResult result)
    {
        var final = result.Final;
        json.WriteString("start", Time(result.Start));
        json.WriteString("end", Time(result.End));
        json.WriteNumber("bar_count", result.BarCount);
        json.WriteString("starting_cash", Decimal(result.StartingCash));
        json.WriteString("final_equity", Decimal(final.Equity.Amount));
        json.WriteString("final_cash", Decimal(final.Cash.Amount));
        json.WriteString("realized_pnl", Decimal(final.RealizedPnl.Amount));
        json.WriteString("unrealized_pnl", Decimal(final.UnrealizedPnl.Amount));
        json.WriteString("fees", Decimal(final.Fees.Amount));
    }

    private static void WriteStatistics(Utf8JsonWriter json, PortfolioStatistics statistics)
    {
        WriteRatio(json, "total_return", statistics.TotalReturn);
        WriteRatio(json, "annualized_return", statistics.AnnualizedReturn);
        WriteRatio(json, "volatility", statistics.Volatility);
        WriteRatio(json, "sharpe", statistics.Sharpe);
        WriteRatio(json, "sortino", statistics.Sortino);
        WriteRatio(json, "max_drawdown", statistics.MaxDrawdown);
        json.WriteString("max_drawdown_duration", Duration(statistics.MaxDrawdownDuration));
        WriteRatio(json, "calmar", statistics.Calmar);
        json.WriteNumber("trade_count", statistics.TradeCount);
        WriteRatio(json, "win_rate", statistics.WinRate);
        WriteRatio(json, "profit_factor", statistics.ProfitFactor);
        WriteRatio(json, "average_win", statistics.AverageWin);
        WriteRatio(json, "average_loss", statistics.AverageLoss);
        WriteRatio(json, "turnover", statistics.Turnover);
        WriteRatio(json, "value_at_risk_95", statistics.ValueAtRisk95);
        WriteRatio(json, "value_at_risk_99", statistics.ValueAtRisk99);
        WriteRatio(json, "conditional_value_at_risk_95", statistics.ConditionalValueAtRisk95);
        WriteRatio(json, "conditional_value_at_risk_99", statistics.ConditionalValueAtRisk99);
        json.WriteNumber("return_count", statistics.ReturnCount);
    }

    private static void WriteActivity(Utf8JsonWriter json, BacktestResult result)
    {
        var orders = OrderCounts.Of(result.Orders);
        json.WriteStartObject("orders");
        json.WriteNumber("total", orders.Total);
        foreach (var (name, count) in orders.Outcomes())
            json.WriteNumber(name, count);
        json.WriteEndObject();
        json.WriteNumber("fill_count", result.Fills.Count);
        json.WriteNumber("denial_count", result.Denials.Count);
        json.WriteNumber("equity_point_count", result.Equity.Count);
    }

    /// <summary>A ratio as a JSON number in round-trip form; null when undefined or not finite.</summary>
    private static void WriteRatio(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        if (value is { } v && Ratio(v) is { } text)
            json.WriteRawValue(text);
        else
            json.WriteNullValue();
    }
}

using System.Text.Json;
using Meridian.Grains.Backtesting.Reports;

namespace Meridian.Grains.Tests.Backtesting.Reports;

public sealed class SummaryJsonTests : IDisposable
{
    private readonly TempDirectory _run = new();

    public void Dispose() => _run.Dispose();

    private JsonElement Summary()
    {
        BacktestReportWriter.Write(SampleRun.Result(), _run.Path);
        using var document = JsonDocument.Parse(_run.Read("summary.json"));
        return document.RootElement.Clone();
    }

    [Fact]
    public void Money_is_written_as_decimal_strings_with_their_digits_kept()
    {
        var summary = Summary();

        Assert.Equal("100989.90", summary.GetProperty("final_equity").GetString());
        Assert.Equal("100000.00", summary.GetProperty("starting_cash").GetString());
        Assert.Equal("1000", summary.GetProperty("realized_pnl").GetString());
        Assert.Equal("3", summary.GetProperty("fees").GetString());
        Assert.Equal("0", summary.GetProperty("unrealized_pnl").GetString());
    }

    [Fact]
    public void Ratios_are_json_numbers_in_round_trip_form()
    {
        var summary = Summary();

        Assert.Equal("0.009899", summary.GetProperty("total_return").GetRawText());
        Assert.Equal("0.0412", summary.GetProperty("annualized_return").GetRawText());
        Assert.Equal("1.25", summary.GetProperty("sharpe").GetRawText());
        Assert.Equal("0.01", summary.GetProperty("max_drawdown").GetRawText());
        Assert.Equal("1", summary.GetProperty("win_rate").GetRawText());
        Assert.Equal("997", summary.GetProperty("average_win").GetRawText());
    }

    [Fact]
    public void Figures_the_statistics_leave_undefined_stay_null()
    {
        var summary = Summary();

        foreach (var name in new[] { "sortino", "profit_factor", "average_loss", "value_at_risk_95", "value_at_risk_99", "conditional_value_at_risk_95", "conditional_value_at_risk_99" })
            Assert.Equal(JsonValueKind.Null, summary.GetProperty(name).ValueKind);
    }

    [Fact]
    public void Times_are_iso_8601_utc_and_the_drawdown_duration_is_days_then_hh_mm_ss()
    {
        var summary = Summary();

        Assert.Equal("2026-01-02T14:30:00Z", summary.GetProperty("start").GetString());
        Assert.Equal("2026-03-31T21:00:00Z", summary.GetProperty("end").GetString());
        // 52 hours = 2 days 4 hours
        Assert.Equal("2.04:00:00", summary.GetProperty("max_drawdown_duration").GetString());
    }

    [Fact]
    public void Counts_give_bars_trades_fills_denials_and_orders_by_outcome()
    {
        var summary = Summary();

        Assert.Equal(61, summary.GetProperty("bar_count").GetInt64());
        Assert.Equal(1, summary.GetProperty("trade_count").GetInt32());
        Assert.Equal(3, summary.GetProperty("fill_count").GetInt32());
        Assert.Equal(1, summary.GetProperty("denial_count").GetInt32());
        Assert.Equal(7, summary.GetProperty("equity_point_count").GetInt32());
        Assert.Equal(6, summary.GetProperty("return_count").GetInt32());
        // Five orders: three filled, o-4 denied, o-5 canceled.
        Assert.Equal(
            [("total", 5), ("filled", 3), ("denied", 1), ("canceled", 1), ("expired", 0), ("rejected", 0), ("replaced", 0), ("open", 0)],
            summary.GetProperty("orders").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
    }

    [Fact]
    public void Settings_are_an_object_in_their_given_order()
    {
        var settings = Summary().GetProperty("settings").EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ToList();

        Assert.Equal(SampleRun.Settings.Select(s => (s.Key, (string?)s.Value)), settings);
    }

    [Fact]
    public void Properties_come_in_a_fixed_order()
    {
        string[] expected =
        [
            "start", "end", "bar_count", "starting_cash", "final_equity", "final_cash", "realized_pnl", "unrealized_pnl", "fees",
            "total_return", "annualized_return", "volatility", "sharpe", "sortino", "max_drawdown", "max_drawdown_duration", "calmar",
            "trade_count", "win_rate", "profit_factor", "average_win", "average_loss", "turnover",
            "value_at_risk_95", "value_at_risk_99", "conditional_value_at_risk_95", "conditional_value_at_risk_99", "return_count",
            "orders", "fill_count", "denial_count", "equity_point_count", "settings",
        ];

        Assert.Equal(expected, Summary().EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_setting_named_twice_is_refused_before_anything_is_written()
    {
        var settings = new KeyValuePair<string, string>[] { new("symbols", "AAPL"), new("symbols", "MSFT") };

        var error = Assert.Throws<ArgumentException>(() => BacktestReportWriter.Write(SampleRun.Result(settings: settings), _run.Path));

        Assert.Contains("setting 'symbols' appears twice", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_run.Path));
    }
}

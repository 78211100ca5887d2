using System.Text;
using static Meridian.Grains.Backtesting.Reports.DisplayFormat;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) to look at a run: headline
/// figures, the equity and drawdown curves, monthly returns, trades, orders and risk denials, open positions and the
/// settings. Every string from the result is HTML-encoded. Deterministic like the other files: no clock, no machine.
/// </summary>
internal static class ReportHtml
{
    private static readonly SvgLineChart s_equityChart = new("Equity over time", "equity", ChartUnit.Money, FromZero: false, Height: 320);
    private static readonly SvgLineChart s_drawdownChart = new("Drawdown from the running peak over time", "drawdown", ChartUnit.Fraction, FromZero: true, Height: 200);

    /// <summary>The page.</summary>
    public static string Render(BacktestResult result)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlTable.Encode($"Backtest {Date(result.Start)} to {Date(result.End)}")).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyle.Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>Backtest report</h1>\n<p class=\"subtitle\">").Append(HtmlTable.Encode(Subtitle(result))).Append("</p>\n");
        html.Append(HeadlineSection.Render(result));
        html.Append("<h2>Equity</h2>\n").Append(s_equityChart.Render(EquityPoints(result))).Append('\n');
        html.Append("<h2>Drawdown</h2>\n").Append(s_drawdownChart.Render(DrawdownPoints(result))).Append('\n');
        html.Append("<h2>Monthly returns</h2>\n").Append(MonthlyReturnsSection.Render(result));
        html.Append("<h2>Trades</h2>\n").Append(TradesSection.Render(result));
        html.Append("<h2>Orders and fills</h2>\n").Append(OrdersSection.Render(result));
        html.Append("<h2>Open positions at the end</h2>\n").Append(OpenPositions(result));
        html.Append("<h2>Settings</h2>\n").Append(Settings(result));
        html.Append("<footer>The data behind this page is in summary.json, orders.csv, fills.csv, trades.csv and equity.csv beside it; ")
            .Append("docs/backtest-reports.md and docs/statistics.md define every figure. Times are UTC.</footer>\n");
        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string Subtitle(BacktestResult result) =>
        $"{DateTime(result.Start)} to {DateTime(result.End)} UTC \u00b7 {Counted(result.BarCount, "bar")} \u00b7 " +
        $"{Counted(result.Orders.Count, "order")} \u00b7 {Counted(result.Fills.Count, "fill")} \u00b7 starting cash {Money(result.StartingCash)}";

    private static string Counted(long count, string noun) => $"{Count(count)} {noun}{(count == 1 ? "" : "s")}";

    private static ChartPoint[] EquityPoints(BacktestResult result) =>
        [.. result.Equity.Select(p => new ChartPoint(p.Time, (double)p.Equity.Amount))];

    /// <summary>Drawdowns below zero, so the chart hangs down from its peak line.</summary>
    private static ChartPoint[] DrawdownPoints(BacktestResult result)
    {
        var drawdowns = DrawdownSeries.Of(result.Equity);
        return [.. result.Equity.Select((p, i) => new ChartPoint(p.Time, -drawdowns[i]))];
    }

    private static string OpenPositions(BacktestResult result)
    {
        var open = result.Final.Positions.Where(p => !p.Position.IsFlat).ToList();
        if (open.Count == 0)
            return "<p class=\"note\">Every position was flat at the end.</p>\n";
        var table = new HtmlTable("positions", "Symbol", "#Quantity", "#Average entry", "#Last price", "#Market value", "#Unrealized P&L");
        foreach (var view in open)
        {
            var position = view.Position;
            table.AddRow(
                position.Symbol.Value,
                HtmlCell.Number(Quantity(position.Quantity)),
                HtmlCell.Number(position.AverageEntryPrice is { } entry ? Price(entry.Value) : Missing),
                HtmlCell.Number(view.LastPrice is { } last ? Price(last.Value) : Missing),
                HtmlCell.Number(view.MarketValue is { } value ? Money(value.Amount) : Missing),
                view.UnrealizedPnl is { } pnl ? HtmlCell.Number(Money(pnl.Amount), pnl.Amount) : HtmlCell.Number(Missing));
        }
        return table.ToString();
    }

    private static string Settings(BacktestResult result)
    {
        if (result.Settings.Count == 0)
            return "<p class=\"note\">No settings were recorded.</p>\n";
        var table = new HtmlTable("settings", "Setting", "Value");
        foreach (var (name, value) in result.Settings)
            table.AddRow(name, new HtmlCell(value, "wrap"));
        return table.ToString();
    }
}

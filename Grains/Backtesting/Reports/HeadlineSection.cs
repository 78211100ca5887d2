using System.Text;
using static Meridian.Grains.Backtesting.Reports.DisplayFormat;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>The report's first screen: a card per headline figure, then every other figure in a table.</summary>
internal static class HeadlineSection
{
    private sealed record Card(string Label, string Value, int Sign = 0, string? Note = null);

    /// <summary>The cards and the table of further figures.</summary>
    public static string Render(BacktestResult result)
    {
        var s = result.Statistics;
        var final = result.Final;
        Card[] cards =
        [
            new("Final equity", Money(final.Equity.Amount), Math.Sign(final.Equity.Amount - result.StartingCash), "from " + Money(result.StartingCash)),
            new("Total return", Percent(s.TotalReturn, signed: true), Math.Sign(s.TotalReturn)),
            new("Annualized return", Percent(s.AnnualizedReturn, signed: true), Math.Sign(s.AnnualizedReturn ?? 0)),
            new("Sharpe", Ratio(s.Sharpe)),
            new("Sortino", Ratio(s.Sortino)),
            new("Max drawdown", Percent(s.MaxDrawdown), -Math.Sign(s.MaxDrawdown), s.MaxDrawdownDuration > TimeSpan.Zero ? Duration(s.MaxDrawdownDuration) + " longest" : null),
            new("Trades", Count(s.TradeCount)),
            new("Win rate", Percent(s.WinRate)),
            new("Profit factor", Ratio(s.ProfitFactor)),
        ];
        var html = new StringBuilder("<section class=\"cards\">\n");
        foreach (var card in cards)
        {
            var valueClass = card.Sign > 0 ? "value pos" : card.Sign < 0 ? "value neg" : "value";
            html.Append("<div class=\"card\"><div class=\"label\">").Append(HtmlTable.Encode(card.Label))
                .Append("</div><div class=\"").Append(valueClass).Append("\">").Append(HtmlTable.Encode(card.Value)).Append("</div>");
            if (card.Note is not null)
                html.Append("<div class=\"note\">").Append(HtmlTable.Encode(card.Note)).Append("</div>");
            html.Append("</div>\n");
        }
        html.Append("</section>\n<h2>All figures</h2>\n<div class=\"columns\">\n");
        html.Append(Figures(
            ("Volatility (annualized)", Percent(s.Volatility)),
            ("Calmar", Ratio(s.Calmar)),
            ("Max drawdown duration", Duration(s.MaxDrawdownDuration)),
            ("Average win", Money(s.AverageWin)),
            ("Average loss", Money(s.AverageLoss)),
            ("Turnover", Ratio(s.Turnover)),
            ("Return periods", Count(s.ReturnCount))));
        html.Append(Figures(
            ("Value at risk 95%", Percent(s.ValueAtRisk95)),
            ("Value at risk 99%", Percent(s.ValueAtRisk99)),
            ("Expected shortfall 95%", Percent(s.ConditionalValueAtRisk95)),
            ("Expected shortfall 99%", Percent(s.ConditionalValueAtRisk99)),
            ("Realized P&L (gross)", Money(final.RealizedPnl.Amount)),
            ("Unrealized P&L", Money(final.UnrealizedPnl.Amount)),
            ("Fees", Money(final.Fees.Amount)),
            ("Final cash", Money(final.Cash.Amount))));
        return html.Append("</div>\n").ToString();
    }

    private static string Figures(params (string Name, string Value)[] figures)
    {
        var table = new HtmlTable("figures", "Figure", "#Value");
        foreach (var (name, value) in figures)
            table.AddRow(name, HtmlCell.Number(value));
        return table.ToString();
    }
}

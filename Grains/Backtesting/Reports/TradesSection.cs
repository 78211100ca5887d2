using System.Text;
using static Meridian.Grains.Backtesting.Reports.DisplayFormat;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// The closed trades, most recent <see cref="MaxShown"/> of them: a long run has tens of thousands and the page must
/// stay quick to open; trades.csv has every one.
/// </summary>
internal static class TradesSection
{
    /// <summary>How many trades the page lists at most.</summary>
    public const int MaxShown = 500;

    /// <summary>The trade table, with a sentence on what is left out, or a sentence when there are none.</summary>
    public static string Render(BacktestResult result)
    {
        var trades = result.Trades;
        if (trades.Count == 0)
            return "<p class=\"note\">No trades were closed.</p>\n";
        var html = new StringBuilder();
        if (trades.Count > MaxShown)
            html.Append("<p class=\"note\">").Append(HtmlTable.Encode(CappedListNote(MaxShown, trades.Count, "trade", "trades.csv has all of them"))).Append("</p>\n");
        var table = new HtmlTable("trades", "Symbol", "Direction", "Opened", "Closed", "#Quantity", "#Entry", "#Exit", "#Net P&L", "#Return", "#Fees", "#Fills");
        foreach (var (symbol, trade) in trades.Skip(Math.Max(0, trades.Count - MaxShown)))
        {
            var net = TradeFigures.NetPnl(trade);
            table.AddRow(
                symbol.Value,
                TradeFigures.Direction(trade),
                DateTime(trade.OpenedAt),
                DateTime(trade.ClosedAt),
                HtmlCell.Number(Quantity(trade.MaxQuantity)),
                HtmlCell.Number(Price(trade.AverageEntryPrice.Value)),
                HtmlCell.Number(Price(trade.AverageExitPrice.Value)),
                HtmlCell.Number(Money(net), net),
                HtmlCell.Number(Percent(TradeFigures.Return(trade), signed: true), net),
                HtmlCell.Number(Money(trade.Fees.Amount)),
                HtmlCell.Number(Count(trade.FillCount)));
        }
        return html.Append(table).ToString();
    }

}

using Meridian.Grains.Domain;
using Meridian.Grains.Positions;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>What a closed round trip earned, as trades.csv and report.html show it.</summary>
internal static class TradeFigures
{
    /// <summary>Realized P&amp;L (gross of fees) less fees: the figure docs/statistics.md counts wins and losses by.</summary>
    public static decimal NetPnl(PositionCycle trade) => trade.RealizedPnl.Amount - trade.Fees.Amount;

    /// <summary>
    /// Net P&amp;L over the largest position of the trade valued at its average entry price: the return on the most
    /// capital the trade tied up. For a trade that enters and exits in one fill each it is the price move in the
    /// trade's direction, (exit - entry) / entry for a long, less the fees as a fraction of the entry notional.
    /// Null when the trade never held anything (no capital, no return).
    /// </summary>
    public static double? Return(PositionCycle trade)
    {
        var capital = trade.AverageEntryPrice.Value * trade.MaxQuantity;
        return capital == 0m ? null : (double)(NetPnl(trade) / capital);
    }

    /// <summary>"long" for a trade opened by buying, "short" for one opened by selling.</summary>
    public static string Direction(PositionCycle trade) => trade.Direction == Side.Buy ? "long" : "short";
}

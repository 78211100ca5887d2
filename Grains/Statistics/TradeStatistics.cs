using Meridian.Grains.Positions;

namespace Meridian.Grains.Statistics;

/// <summary>
/// The figures of closed round-trip trades, on net P&amp;L (realized P&amp;L minus fees): a trade whose fees eat its
/// gross profit did lose money. Sums are taken in decimal, as accounting is, and converted once at the end.
/// </summary>
internal sealed record TradeStatistics(int TradeCount, double? WinRate, double? ProfitFactor, double? AverageWin, double? AverageLoss)
{
    /// <summary>
    /// A win nets above zero, a loss below; a trade netting exactly zero counts as a trade but as neither. Average
    /// loss keeps its sign (negative), so win rate x average win + loss rate x average loss is the expectancy.
    /// </summary>
    public static TradeStatistics Of(IReadOnlyList<PositionCycle> closedTrades)
    {
        int wins = 0, losses = 0;
        decimal grossWins = 0m, grossLosses = 0m;
        foreach (var trade in closedTrades)
        {
            var net = trade.RealizedPnl.Amount - trade.Fees.Amount;
            if (net > 0m)
            {
                wins++;
                grossWins += net;
            }
            else if (net < 0m)
            {
                losses++;
                grossLosses += net;
            }
        }
        var count = closedTrades.Count;
        return new(
            count,
            count == 0 ? null : (double)wins / count,
            losses == 0 ? null : (double)(grossWins / -grossLosses),
            wins == 0 ? null : (double)(grossWins / wins),
            losses == 0 ? null : (double)(grossLosses / losses));
    }
}

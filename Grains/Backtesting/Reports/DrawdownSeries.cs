using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// The drawdown at every point of the equity curve: (peak - equity) / peak with peak the highest equity up to that
/// point, a positive fraction (0 at a new high). The same measure as the statistics' max drawdown
/// (docs/statistics.md), so the deepest value here is that figure.
/// </summary>
internal static class DrawdownSeries
{
    /// <summary>One drawdown per point, in the curve's order; 0 while the peak is zero or below (no fraction of it means anything).</summary>
    public static double[] Of(IReadOnlyList<EquityPoint> curve)
    {
        var drawdowns = new double[curve.Count];
        var peak = double.NegativeInfinity;
        for (var i = 0; i < curve.Count; i++)
        {
            var equity = (double)curve[i].Equity.Amount;
            peak = Math.Max(peak, equity);
            drawdowns[i] = peak > 0 ? (peak - equity) / peak : 0;
        }
        return drawdowns;
    }
}

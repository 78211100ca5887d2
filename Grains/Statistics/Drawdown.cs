using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Statistics;

/// <summary>
/// The deepest and the longest fall of equity below its running peak, measured on every point of the curve: an
/// intraday trough is a loss the portfolio really stood at, and daily sampling would hide it.
/// </summary>
internal static class Drawdown
{
    /// <summary>
    /// Depth: max over t of (peak_t - E_t) / peak_t, with peak_t the highest equity up to t. Duration: the longest
    /// span from the last point at a peak to the first later point at or above it, or to the last point of the curve
    /// when equity never got back. Both are zero for a curve that never falls.
    /// </summary>
    public static (double Depth, TimeSpan Duration) Measure(IReadOnlyList<EquityPoint> curve)
    {
        if (curve.Count == 0)
            return (0, TimeSpan.Zero);
        var peak = (double)curve[0].Equity.Amount;
        var peakTime = curve[0].Time;
        var underwater = false;
        var depth = 0.0;
        var duration = TimeSpan.Zero;
        foreach (var point in curve)
        {
            var equity = (double)point.Equity.Amount;
            if (equity >= peak)
            {
                // Back at (or above) the peak: the episode, if any, ends here; equity at the peak again moves the start
                // forward, because the time spent at the peak is not time under water.
                if (underwater)
                    duration = Max(duration, point.Time - peakTime);
                underwater = false;
                peak = equity;
                peakTime = point.Time;
                continue;
            }
            underwater = true;
            depth = Math.Max(depth, (peak - equity) / peak);
        }
        if (underwater)
            duration = Max(duration, curve[^1].Time - peakTime);
        return (depth, duration);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;
}

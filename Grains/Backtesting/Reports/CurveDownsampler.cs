namespace Meridian.Grains.Backtesting.Reports;

/// <summary>A point to plot: a time and a value.</summary>
internal readonly record struct ChartPoint(DateTimeOffset Time, double Value);

/// <summary>
/// Thins a long curve for drawing without losing what the eye looks for: the time span is cut into equal buckets and
/// each bucket keeps its lowest and its highest point (in time order), so peaks and troughs survive; the curve's first
/// and last points are always kept. The same input always gives the same output.
/// </summary>
internal static class CurveDownsampler
{
    /// <summary>At most 2 x <paramref name="buckets"/> + 2 points; a curve already that short is returned as it is.</summary>
    public static IReadOnlyList<ChartPoint> Reduce(IReadOnlyList<ChartPoint> points, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        if (points.Count <= 2 * buckets + 2)
            return points;
        var start = points[0].Time;
        var span = (points[^1].Time - start).Ticks;
        var kept = new List<ChartPoint> { points[0] };
        var bucket = -1;
        int low = 0, high = 0;
        for (var i = 1; i < points.Count - 1; i++)
        {
            var index = span == 0 ? 0 : (int)Math.Min(buckets - 1, (points[i].Time - start).Ticks * (double)buckets / span);
            if (index != bucket)
            {
                if (bucket >= 0)
                    Keep(kept, points, low, high);
                bucket = index;
                low = high = i;
                continue;
            }
            if (points[i].Value < points[low].Value)
                low = i;
            if (points[i].Value > points[high].Value)
                high = i;
        }
        if (bucket >= 0)
            Keep(kept, points, low, high);
        kept.Add(points[^1]);
        return kept;
    }

    private static void Keep(List<ChartPoint> kept, IReadOnlyList<ChartPoint> points, int low, int high)
    {
        kept.Add(points[Math.Min(low, high)]);
        if (low != high)
            kept.Add(points[Math.Max(low, high)]);
    }
}

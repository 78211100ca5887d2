namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// A value axis whose ticks fall on round numbers: steps of 1, 2 or 5 times a power of ten, from a multiple of the
/// step at or below the smallest value to one at or above the largest (Heckbert's "nice numbers" for graph labels).
/// </summary>
/// <param name="Min">The axis' lower end: the first tick.</param>
/// <param name="Max">The axis' upper end: the last tick.</param>
/// <param name="Step">The distance between ticks.</param>
/// <param name="Decimals">Decimals that label every tick exactly: 0 for steps of 1 and more, 1 for 0.5, 2 for 0.02.</param>
internal sealed record NiceScale(double Min, double Max, double Step, int Decimals)
{
    /// <summary>
    /// A scale covering <paramref name="low"/> to <paramref name="high"/> with at most about
    /// <paramref name="maxTicks"/> ticks. A flat range is widened around its value so the axis still has a height.
    /// </summary>
    public static NiceScale Covering(double low, double high, int maxTicks = 6)
    {
        if (high < low)
            (low, high) = (high, low);
        if (high - low < 1e-12 * Math.Max(1, Math.Abs(high)))
        {
            var pad = low == 0 ? 1 : Math.Abs(low) * 0.01;
            (low, high) = (low - pad, high + pad);
        }
        var step = Nice((high - low) / Math.Max(1, maxTicks - 1));
        // Math.Round takes at most 15 digits; a step that small is below any amount this axis shows.
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step)), 0, 15);
        return new NiceScale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step, decimals);
    }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>, each computed from its index so no error accumulates.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(Min + i * Step, Decimals))];
    }

    /// <summary>The smallest 1, 2, 5 or 10 times a power of ten that is at least <paramref name="rough"/>.</summary>
    private static double Nice(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}

namespace Meridian.Grains.Statistics;

/// <summary>
/// Value at risk and expected shortfall read straight off the observed period returns (historical simulation): no
/// assumed distribution, so fat tails count as they happened.
/// </summary>
internal static class HistoricalValueAtRisk
{
    /// <summary>
    /// Fewer returns than this give no figure: twenty (about a month of trading days) is where the 5% tail holds one
    /// whole observation; below it the quantile is mostly the single worst return.
    /// </summary>
    public const int MinimumReturns = 20;

    /// <summary>
    /// VaR = -q_p(r) and CVaR = -mean{ r : r &lt;= q_p(r) }, with p the tail probability (0.05 for 95% confidence)
    /// and q_p the type-7 quantile; both are positive for a loss. Null below <see cref="MinimumReturns"/> returns.
    /// </summary>
    public static (double? ValueAtRisk, double? ConditionalValueAtRisk) Of(double[] sortedReturns, double tailProbability)
    {
        if (sortedReturns.Length < MinimumReturns)
            return (null, null);
        var quantile = Quantile(sortedReturns, tailProbability);
        // The sorted tail: every return at or below the quantile (the worst return always is).
        var sum = 0.0;
        var count = 0;
        while (count < sortedReturns.Length && sortedReturns[count] <= quantile)
            sum += sortedReturns[count++];
        return (-quantile, -sum / count);
    }

    /// <summary>
    /// Type-7 quantile (Hyndman and Fan; numpy's and R's default) of ascending values x_0..x_(n-1): h = (n - 1) p,
    /// q = x_floor(h) + (h - floor(h)) (x_(floor(h)+1) - x_floor(h)).
    /// </summary>
    public static double Quantile(double[] sorted, double probability)
    {
        var h = (sorted.Length - 1) * probability;
        var below = (int)Math.Floor(h);
        if (below >= sorted.Length - 1)
            return sorted[^1];
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}

namespace Meridian.Grains.Statistics;

/// <summary>The figures of a series of simple period returns: growth, volatility and risk-adjusted return.</summary>
internal static class ReturnStatistics
{
    /// <summary>
    /// A deviation below this is treated as zero. Returns come from decimal equity through double division, so a
    /// series of equal returns shows a deviation of about 1e-17 rather than 0; dividing by it would report a Sharpe
    /// ratio of 1e15 where the true figure does not exist.
    /// </summary>
    private const double ZeroDeviation = 1e-12;

    /// <summary>Geometric: (1 + total)^(periodsPerYear / n) - 1; null with no return.</summary>
    public static double? AnnualizedReturn(double totalReturn, int returnCount, int periodsPerYear) =>
        returnCount < 1 ? null : Math.Pow(1 + totalReturn, (double)periodsPerYear / returnCount) - 1;

    /// <summary>Sample standard deviation (n - 1) times sqrt(periodsPerYear); null below two returns.</summary>
    public static double? Volatility(IReadOnlyList<double> returns, int periodsPerYear) =>
        returns.Count < 2 ? null : SampleStandardDeviation(returns) * Math.Sqrt(periodsPerYear);

    /// <summary>(mean - rf per period) / sample standard deviation x sqrt(periodsPerYear); null below two returns or with no deviation.</summary>
    public static double? Sharpe(IReadOnlyList<double> returns, double riskFreePerPeriod, int periodsPerYear)
    {
        if (returns.Count < 2)
            return null;
        var deviation = SampleStandardDeviation(returns);
        return deviation < ZeroDeviation ? null : (Mean(returns) - riskFreePerPeriod) / deviation * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// (mean - target) / downside deviation x sqrt(periodsPerYear), target = rf per period and downside deviation =
    /// sqrt(sum(min(0, r - target)^2) / n) over all n returns; null below two returns or with no return below target.
    /// </summary>
    public static double? Sortino(IReadOnlyList<double> returns, double riskFreePerPeriod, int periodsPerYear)
    {
        if (returns.Count < 2)
            return null;
        var shortfallSquares = 0.0;
        foreach (var r in returns)
        {
            var shortfall = Math.Min(0, r - riskFreePerPeriod);
            shortfallSquares += shortfall * shortfall;
        }
        var downside = Math.Sqrt(shortfallSquares / returns.Count);
        return downside < ZeroDeviation ? null : (Mean(returns) - riskFreePerPeriod) / downside * Math.Sqrt(periodsPerYear);
    }

    private static double Mean(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum / values.Count;
    }

    // Two passes (mean first, then squared deviations) rather than sum of squares minus square of sum, which cancels
    // catastrophically for returns that are small and close together.
    private static double SampleStandardDeviation(IReadOnlyList<double> values)
    {
        var mean = Mean(values);
        var squares = 0.0;
        foreach (var v in values)
            squares += (v - mean) * (v - mean);
        return Math.Sqrt(squares / (values.Count - 1));
    }
}

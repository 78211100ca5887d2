namespace Meridian.Grains.Models.Features;

/// <summary>
/// Statistics of one window of values, computed directly from their definitions (two passes where a mean comes first):
/// the batch features' reference arithmetic. A window whose values are all equal has a deviation of exactly zero.
/// </summary>
internal static class WindowFunctions
{
    public static double Sum(ReadOnlySpan<double> window)
    {
        var sum = 0.0;
        foreach (var value in window)
            sum += value;
        return sum;
    }

    public static double Mean(ReadOnlySpan<double> window) => Sum(window) / window.Length;

    /// <summary>Σ(x − mean)²; exactly zero when every value is the same (their mean could be an ulp off).</summary>
    public static double Deviations(ReadOnlySpan<double> window)
    {
        if (IsConstant(window))
            return 0;
        var mean = Mean(window);
        var sum = 0.0;
        foreach (var value in window)
            sum += (value - mean) * (value - mean);
        return sum;
    }

    /// <summary>The sample standard deviation (n − 1), as pandas' rolling std.</summary>
    public static double SampleStd(ReadOnlySpan<double> window) => Math.Sqrt(Deviations(window) / (window.Length - 1));

    /// <summary>The population standard deviation (n), as Bollinger's bands use.</summary>
    public static double PopulationStd(ReadOnlySpan<double> window) => Math.Sqrt(Deviations(window) / window.Length);

    /// <summary>The least-squares slope of the values against 1, 2, …, n.</summary>
    public static double Slope(ReadOnlySpan<double> window)
    {
        var (cross, squares) = (0.0, 0.0);
        var meanX = (window.Length + 1) / 2.0;
        var meanY = Mean(window);
        for (var i = 0; i < window.Length; i++)
        {
            var x = i + 1 - meanX;
            cross += x * (window[i] - meanY);
            squares += x * x;
        }
        return cross / squares;
    }

    /// <summary>The newest value less the least-squares line's value at the newest point (Qlib's Resi).</summary>
    public static double Residual(ReadOnlySpan<double> window)
    {
        var n = window.Length;
        var meanX = (n + 1) / 2.0;
        return window[n - 1] - (Mean(window) + (Slope(window) * (n - meanX)));
    }

    /// <summary>The R² of the least-squares line against 1, 2, …, n; NaN when the values are flat (Qlib's mask).</summary>
    public static double RSquared(ReadOnlySpan<double> window)
    {
        Span<double> positions = stackalloc double[window.Length];
        for (var i = 0; i < positions.Length; i++)
            positions[i] = i + 1;
        var r = Pearson(positions, window);
        return IsFlat(window) ? double.NaN : r * r;
    }

    /// <summary>Pearson's correlation; NaN when either side is flat (Qlib's mask on Corr).</summary>
    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        IsFlat(x) || IsFlat(y) ? double.NaN : Pearson(x, y);

    public static double Max(ReadOnlySpan<double> window)
    {
        var max = window[0];
        foreach (var value in window)
            max = Math.Max(max, value);
        return max;
    }

    public static double Min(ReadOnlySpan<double> window)
    {
        var min = window[0];
        foreach (var value in window)
            min = Math.Min(min, value);
        return min;
    }

    /// <summary>Where the largest value is, 1 for the oldest; the first of equal largest values (numpy's argmax + 1).</summary>
    public static double IdxMax(ReadOnlySpan<double> window)
    {
        var at = 0;
        for (var i = 1; i < window.Length; i++)
        {
            if (window[i] > window[at])
                at = i;
        }
        return at + 1;
    }

    /// <summary>Where the smallest value is, 1 for the oldest; the first of equal smallest values.</summary>
    public static double IdxMin(ReadOnlySpan<double> window)
    {
        var at = 0;
        for (var i = 1; i < window.Length; i++)
        {
            if (window[i] < window[at])
                at = i;
        }
        return at + 1;
    }

    /// <summary>pandas' quantile with linear interpolation: position q·(n − 1) in the sorted values.</summary>
    public static double Quantile(ReadOnlySpan<double> window, double q)
    {
        var sorted = window.ToArray();
        Array.Sort(sorted);
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        if (position == below)
            return sorted[below];
        return sorted[below] + ((sorted[below + 1] - sorted[below]) * (position - below));
    }

    /// <summary>
    /// The newest value's percentile rank, in (0, 1]: its mean rank over n (pandas' rank(pct=True)).
    /// </summary>
    public static double PercentRank(ReadOnlySpan<double> window) => MeanRank(window, window[^1]) / window.Length;

    /// <summary>
    /// <paramref name="value"/>'s rank among <paramref name="values"/> (which hold it), counting 1 for the smallest:
    /// equal values hold ranks below + 1 to below + equal and share their mean, below + (equal + 1) / 2.
    /// </summary>
    public static double MeanRank(ReadOnlySpan<double> values, double value)
    {
        var (below, equal) = (0, 0);
        foreach (var other in values)
        {
            if (other < value)
                below++;
            else if (other == value)
                equal++;
        }
        return below + ((equal + 1) / 2.0);
    }

    private static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (meanX, meanY) = (Mean(x), Mean(y));
        var (cross, squaresX, squaresY) = (0.0, 0.0, 0.0);
        for (var i = 0; i < x.Length; i++)
        {
            var (dx, dy) = (x[i] - meanX, y[i] - meanY);
            cross += dx * dy;
            squaresX += dx * dx;
            squaresY += dy * dy;
        }
        return cross / Math.Sqrt(squaresX * squaresY);
    }

    /// <summary>Qlib's np.isclose(std, 0, atol=2e-05).</summary>
    private static bool IsFlat(ReadOnlySpan<double> window) => SampleStd(window) <= FeatureDefinition.FlatDeviation;

    private static bool IsConstant(ReadOnlySpan<double> window)
    {
        foreach (var value in window)
        {
            if (value != window[0])
                return false;
        }
        return true;
    }
}

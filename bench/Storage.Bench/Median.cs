namespace Meridian.Bench;

/// <summary>The figure reported for several rounds of the same measurement: the middle one, which one noisy round cannot move.</summary>
internal static class Median
{
    public static double Of(IReadOnlyCollection<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

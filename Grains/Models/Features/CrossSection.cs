namespace Meridian.Grains.Models.Features;

/// <summary>
/// Labels normalized across the symbols of one time. A label not known (NaN) takes no part and stays NaN; a cross-section
/// of fewer than two known labels, or (for the z-score) of equal ones, has no spread to normalize by and gives NaN.
/// </summary>
internal static class CrossSection
{
    public static void Normalize(Span<double> labels, LabelNormalization normalization)
    {
        switch (normalization)
        {
            case LabelNormalization.None:
                return;
            case LabelNormalization.ZScore:
                ZScore(labels);
                return;
            case LabelNormalization.Rank:
                Rank(labels);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "not a label normalization");
        }
    }

    /// <summary>(x − mean) / sample standard deviation (n − 1), as Qlib's CSZScoreNorm with pandas' std.</summary>
    private static void ZScore(Span<double> labels)
    {
        var known = Known(labels);
        var deviation = known.Length < 2 ? 0 : Math.Sqrt(WindowFunctions.Deviations(known) / (known.Length - 1));
        var mean = known.Length == 0 ? 0 : WindowFunctions.Mean(known);
        foreach (ref var label in labels)
            label = deviation > 0 ? (label - mean) / deviation : double.NaN;
    }

    /// <summary>
    /// (rank − 1) / (n − 1), the rank counting from 1 for the smallest and equal labels sharing the mean of their ranks:
    /// 0 for the lowest label, 1 for the highest, ½ for the middle.
    /// </summary>
    private static void Rank(Span<double> labels)
    {
        var known = Known(labels);
        foreach (ref var label in labels)
        {
            if (known.Length < 2 || double.IsNaN(label))
            {
                label = double.NaN;
                continue;
            }
            label = (WindowFunctions.MeanRank(known, label) - 1) / (known.Length - 1);
        }
    }

    private static double[] Known(ReadOnlySpan<double> labels)
    {
        var known = new List<double>(labels.Length);
        foreach (var label in labels)
        {
            if (!double.IsNaN(label))
                known.Add(label);
        }
        return [.. known];
    }
}

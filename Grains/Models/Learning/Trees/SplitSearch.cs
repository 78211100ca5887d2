namespace Meridian.Grains.Models.Learning;

/// <summary>
/// A leaf's best split on one feature: rows with bin &lt;= <see cref="ThresholdBin"/> go left, NaN (bin 0) goes left when
/// <see cref="DefaultLeft"/>; the sums are of gradients, the counts are the hessian sums (squared loss: 1 a row).
/// </summary>
internal readonly record struct SplitCandidate(
    int Feature, int ThresholdBin, bool DefaultLeft, double Gain, double LeftGradient, int LeftCount, double RightGradient, int RightCount)
{
    /// <summary>No split: a gain below any real one.</summary>
    public static SplitCandidate None { get; } = new(-1, 0, false, double.NegativeInfinity, 0, 0, 0, 0);

    public bool Exists => Feature >= 0;
}

/// <summary>
/// Finds the best split of a leaf on one feature from the leaf's histogram of that feature (docs/models.md, "Growth").
/// gain = G_L²/(H_L + λ) + G_R²/(H_R + λ) - G²/(H + λ), LightGBM's split gain for squared loss with L2 regularization.
/// </summary>
internal static class SplitSearch
{
    /// <summary>
    /// Tries every threshold between value bins, NaN going left and right; a threshold after the last value bin (all
    /// values left, NaN right) when the leaf has both. When the leaf has no NaN, NaN follows the side with more rows.
    /// Ties keep the first found (lowest threshold, NaN right before left). The histogram holds two numbers per bin,
    /// from bin 0 (NaN): the gradient sum and the row count; the leaf's totals are <paramref name="sumGradient"/> and
    /// <paramref name="count"/>.
    /// </summary>
    public static SplitCandidate Best(int feature, ReadOnlySpan<double> histogram, int valueBins, double sumGradient, int count, GbdtOptions options)
    {
        var rules = new Rules(feature, sumGradient, count, options);
        var best = SplitCandidate.None;
        var missingGradient = histogram[0];
        var missing = (int)histogram[1];
        var leftGradient = 0.0;
        var leftCount = 0;
        for (var bin = 1; bin < valueBins; bin++)
        {
            leftGradient += histogram[2 * bin];
            leftCount += (int)histogram[(2 * bin) + 1];
            if (missing == 0)
            {
                rules.Consider(ref best, bin, leftCount >= count - leftCount, leftGradient, leftCount);
                continue;
            }
            rules.Consider(ref best, bin, false, leftGradient, leftCount);
            rules.Consider(ref best, bin, true, leftGradient + missingGradient, leftCount + missing);
        }
        if (missing > 0 && missing < count)
            rules.Consider(ref best, valueBins, false, sumGradient - missingGradient, count - missing);
        return best;
    }

    /// <summary>A leaf's value before shrinkage: -G/(H + λ), the minimizer of the regularized squared loss.</summary>
    public static double LeafValue(double sumGradient, int count, double lambda) => -sumGradient / (count + lambda);

    private readonly struct Rules(int feature, double sumGradient, int count, GbdtOptions options)
    {
        private readonly double _parentScore = sumGradient * sumGradient / (count + options.Lambda);

        public void Consider(ref SplitCandidate best, int thresholdBin, bool defaultLeft, double leftGradient, int leftCount)
        {
            var rightCount = count - leftCount;
            if (Math.Min(leftCount, rightCount) < options.MinDataInLeaf || Math.Min(leftCount, rightCount) < options.MinSumHessian)
                return;
            var rightGradient = sumGradient - leftGradient;
            var gain = (leftGradient * leftGradient / (leftCount + options.Lambda))
                + (rightGradient * rightGradient / (rightCount + options.Lambda))
                - _parentScore;
            if (gain > options.MinGainToSplit && gain > best.Gain)
                best = new(feature, thresholdBin, defaultLeft, gain, leftGradient, leftCount, rightGradient, rightCount);
        }
    }
}

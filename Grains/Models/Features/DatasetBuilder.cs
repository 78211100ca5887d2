using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Models.Features;

/// <summary>How labels are made: Qlib's default forward return from t+1 to t+2, optionally normalized across symbols per time.</summary>
public enum LabelNormalization
{
    /// <summary>The raw forward return.</summary>
    None,

    /// <summary>Minus the cross-sectional mean, divided by the cross-sectional standard deviation, per time.</summary>
    ZScore,

    /// <summary>The cross-sectional percentile rank in [0, 1], per time (ties share their mean rank).</summary>
    Rank,
}

/// <summary>Turns bar series into a <see cref="Dataset"/> of features and labels. CONTRACT SKELETON.</summary>
public static class DatasetBuilder
{
    /// <summary>
    /// One row per symbol and bar from the set's warm-up on, ordered by time then symbol; label = close[t+2] / close[t+1] - 1
    /// (NaN for the last two bars of a series), normalized as asked.
    /// </summary>
    public static Dataset Build(FeatureSet set, IReadOnlyList<BarSeries> series, LabelNormalization normalization = LabelNormalization.None) =>
        throw new NotImplementedException();
}

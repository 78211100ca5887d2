using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Models.Features;

/// <summary>Features of a whole series at once, for training. CONTRACT SKELETON.</summary>
public static class BatchFeatures
{
    /// <summary>Row t is the features after bar t: series.Count rows × set.Count columns, row-major; NaN where not defined.</summary>
    public static double[] Compute(FeatureSet set, BarSeries series) => throw new NotImplementedException();
}

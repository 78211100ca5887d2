using System.Globalization;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.Models.Features;

namespace Meridian.Grains.Tests.Models.Features;

/// <summary>One feature's value on a short series, from both implementations (which must agree) for a known-answer test.</summary>
internal static class FeatureCheck
{
    /// <summary>Hand-worked answers are compared to this (their arithmetic in doubles is exact to about 1e-15).</summary>
    public const double Precision = 1e-12;

    public static FeatureSet Set(params string[] names) =>
        FeatureSet.TryResolve(names, out var problem) ?? throw new InvalidOperationException(problem);

    /// <summary>Feature <paramref name="name"/> after bar <paramref name="bar"/> (the last by default).</summary>
    public static double After(BarSeries series, string name, int? bar = null)
    {
        var set = Set(name);
        var t = bar ?? series.Count - 1;
        var batch = BatchFeatures.Compute(set, series)[t];
        var incremental = new IncrementalFeatures(set);
        for (var i = 0; i <= t; i++)
            incremental.Update(series.BarAt(i));
        var live = incremental.Values[0];
        Assert.True(Disagreement(live, batch) <= Precision, $"{name} after bar {t}: batch {Show(batch)} but incremental {Show(live)}");
        return batch;
    }

    /// <summary>
    /// How far the incremental value is from the batch one: absolute up to 1 in size, relative above; 0 when both are
    /// NaN, infinite when only one is.
    /// </summary>
    public static double Disagreement(double incremental, double batch)
    {
        if (double.IsNaN(incremental) || double.IsNaN(batch))
            return double.IsNaN(incremental) && double.IsNaN(batch) ? 0 : double.PositiveInfinity;
        return Math.Abs(incremental - batch) / Math.Max(1, Math.Abs(batch));
    }

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

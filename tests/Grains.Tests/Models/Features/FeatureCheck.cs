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
        var agree = double.IsNaN(batch) ? double.IsNaN(live) : Math.Abs(live - batch) <= Precision * Math.Max(1, Math.Abs(batch));
        Assert.True(agree, $"{name} after bar {t}: batch {Show(batch)} but incremental {Show(live)}");
        return batch;
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Meridian.Grains.Models.Features;

namespace Meridian.Grains.Tests.Models.Features;

/// <summary>
/// The incremental and the batch features are two implementations of one definition: after every bar of long random
/// walks (flat stretches with high = low, zero-volume days, ties) they agree on every feature within 1e-9, absolute for
/// values up to 1 in size and relative above, and on which values are NaN.
/// </summary>
public sealed class IncrementalBatchAgreementTests
{
    private const double Tolerance = 1e-9;

    private static readonly FeatureSet s_everything =
        FeatureSet.TryResolve([.. FeatureSet.Alpha158.Names, .. FeatureSet.Indicators.Names], out _)!;

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 100)]
    [InlineData(3, 3)]
    [InlineData(4, 2500)]
    [InlineData(5, 0.5)]
    public void Incremental_and_batch_agree_on_every_feature_after_every_bar(int seed, double start)
    {
        var series = FeatureSeries.RandomWalk(seed, 1500, (decimal)start);
        var batch = BatchFeatures.Compute(s_everything, series);
        var incremental = new IncrementalFeatures(s_everything);

        var worst = (Error: 0.0, Where: "");
        for (var t = 0; t < series.Count; t++)
        {
            incremental.Update(series.BarAt(t));
            var values = incremental.Values;
            for (var f = 0; f < s_everything.Count; f++)
            {
                var expected = batch[(t * s_everything.Count) + f];
                var error = Disagreement(values[f], expected);
                if (error > worst.Error)
                    worst = (error, $"{s_everything.Names[f]} after bar {t}: incremental {Show(values[f])}, batch {Show(expected)}");
            }
        }

        Assert.True(worst.Error <= Tolerance, $"worst disagreement {worst.Error:E2}: {worst.Where}");
    }

    [Fact]
    public void Every_feature_is_defined_from_the_warm_up_on_in_a_plain_walk()
    {
        // No flat stretches, zero volumes or unchanged closes: nothing is NaN but for want of history.
        var series = FeatureSeries.RandomWalk(11, 200, awkward: false);
        var batch = BatchFeatures.Compute(FeatureSet.Alpha158, series);
        var width = FeatureSet.Alpha158.Count;

        var undefined = Enumerable.Range(FeatureSet.Alpha158.WarmUp - 1, 40)
            .SelectMany(t => Enumerable.Range(0, width).Where(f => double.IsNaN(batch[(t * width) + f])).Select(f => $"{FeatureSet.Alpha158.Names[f]}@{t}"))
            .ToList();

        Assert.Empty(undefined);
    }

    private static double Disagreement(double actual, double expected)
    {
        if (double.IsNaN(actual) || double.IsNaN(expected))
            return double.IsNaN(actual) && double.IsNaN(expected) ? 0 : double.PositiveInfinity;
        return Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected));
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

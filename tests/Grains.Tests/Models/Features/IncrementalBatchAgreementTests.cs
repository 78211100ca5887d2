using Meridian.Grains.MarketData.History;
using Meridian.Grains.Models.Features;
using static Meridian.Grains.Tests.Models.Features.FeatureCheck;

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
        var worst = WorstDisagreement(FeatureSeries.RandomWalk(seed, 1500, (decimal)start));

        Assert.True(worst.Error <= Tolerance, $"worst disagreement {worst.Error:E2}: {worst.Where}");
    }

    [Fact]
    public void They_agree_when_a_violent_stretch_gives_way_to_an_almost_flat_one()
    {
        // Running sums are at their weakest here: closes near 1,000 swinging 10% a day on millions of shares, then a
        // collapse to 1.00 that moves a cent now and then on a handful of shares. What the sums carried from the big
        // values must not show in the small windows' deviations, correlations and R².
        var random = new Random(5);
        var bars = new List<(decimal, decimal, decimal, decimal, decimal)>();
        var close = 1000m;
        for (var i = 0; i < 150; i++)
        {
            close = Math.Max(1m, Math.Round(close * (1m + (decimal)((random.NextDouble() - 0.5) * 0.2)), 2));
            bars.Add((close, close * 1.05m, close * 0.95m, close, random.Next(1_000_000, 5_000_000)));
        }
        close = 1m;
        for (var i = 0; i < 300; i++)
        {
            if (random.NextDouble() < 0.1)
                close += random.NextDouble() < 0.5 ? 0.01m : -0.01m;
            bars.Add((close, close + 0.01m, close, close, random.Next(1, 4)));
        }
        var series = FeatureSeries.Daily(FeatureSeries.Xyz, [.. bars]);

        var worst = WorstDisagreement(series);

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

    /// <summary>The largest disagreement over every bar and feature of the series, and where it is.</summary>
    private static (double Error, string Where) WorstDisagreement(BarSeries series)
    {
        var batch = BatchFeatures.Compute(s_everything, series);
        var incremental = new IncrementalFeatures(s_everything);
        var worst = (Error: 0.0, Where: "none");
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
        return worst;
    }
}

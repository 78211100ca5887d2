using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.Models.Features;
using static Meridian.Grains.Tests.Models.Features.FeatureCheck;

namespace Meridian.Grains.Tests.Models.Features;

public sealed class IncrementalFeaturesTests
{
    [Fact]
    public void Before_any_bar_every_value_is_NaN()
    {
        var features = new IncrementalFeatures(FeatureSet.Alpha158);

        Assert.Equal(0, features.BarsSeen);
        Assert.False(features.IsWarm);
        Assert.Equal(158, features.Values.Length);
        Assert.All(features.Values.ToArray(), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void It_is_warm_once_the_warm_up_bars_are_in()
    {
        var features = new IncrementalFeatures(Set("MA5", "ROC5"));

        for (var i = 0; i < 5; i++)
            features.Update(10, 11, 9, 10 + i, 1000);
        Assert.False(features.IsWarm);
        Assert.False(double.IsNaN(features.Values[0]));
        Assert.True(double.IsNaN(features.Values[1]));

        features.Update(10, 11, 9, 16, 1000);
        Assert.True(features.IsWarm);
        Assert.Equal(6, features.BarsSeen);
    }

    [Fact]
    public void A_price_that_is_not_above_zero_is_refused_and_the_state_kept()
    {
        var features = new IncrementalFeatures(Set("MA5"));
        features.Update(10, 11, 9, 10, 1000);

        var refusal = Assert.Throws<InvalidInputException>(() => features.Update(10, 11, 9, 0, 1000));

        Assert.Contains("bar 2", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("close", Assert.Single(refusal.Errors).Field);
        Assert.Equal(1, features.BarsSeen);
    }

    [Fact]
    public void A_high_below_the_low_and_a_negative_volume_are_refused_together()
    {
        var features = new IncrementalFeatures(Set("KMID"));

        var refusal = Assert.Throws<InvalidInputException>(() => features.Update(10, 9, 11, 10, -1));

        Assert.Equal(["volume", "high"], refusal.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_bad_bar_is_refused_naming_its_symbol_and_date()
    {
        var features = new IncrementalFeatures(Set("KMID"));
        var bar = new Bar(Symbol.Parse("ABC"), TradingDay.Start(new DateOnly(2024, 3, 5)), BarPeriod.Day,
            Price.Of(10m), Price.Of(11m), Price.Of(9m), Price.Of(10m), -5m);

        var refusal = Assert.Throws<InvalidInputException>(() => features.Update(bar));

        Assert.Contains("ABC bar of 2024-03-05", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Taking_in_a_bar_allocates_nothing()
    {
        var features = new IncrementalFeatures(FeatureSet.TryResolve([.. FeatureSet.Alpha158.Names, .. FeatureSet.Indicators.Names], out _)!);
        var series = FeatureSeries.RandomWalk(7, 3000);
        var bars = Enumerable.Range(0, series.Count)
            .Select(i => ((double)series.Open[i], (double)series.High[i], (double)series.Low[i], (double)series.Close[i], (double)series.Volume[i]))
            .ToArray();
        for (var i = 0; i < 1000; i++)
            features.Update(bars[i].Item1, bars[i].Item2, bars[i].Item3, bars[i].Item4, bars[i].Item5);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1000; i < bars.Length; i++)
            features.Update(bars[i].Item1, bars[i].Item2, bars[i].Item3, bars[i].Item4, bars[i].Item5);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

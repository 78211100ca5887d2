using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.Models;
using Meridian.Grains.Models.Features;
using static Meridian.Grains.Tests.Models.Features.FeatureCheck;
using static Meridian.Grains.Tests.Models.Features.FeatureSeries;

namespace Meridian.Grains.Tests.Models.Features;

public sealed class DatasetBuilderTests
{
    private static readonly FeatureSet s_kmid = Set("KMID");

    [Fact]
    public void The_label_is_the_return_from_the_next_close_to_the_one_after()
    {
        var dataset = DatasetBuilder.Build(s_kmid, [Closes(100m, 102m, 105m, 84m)]);

        // bar 0: 105 / 102 − 1; bar 1: 84 / 105 − 1; bars 2 and 3 have no close two bars on
        Assert.Equal(4, dataset.RowCount);
        Assert.Equal(3.0 / 102, dataset.Labels[0], Precision);
        Assert.Equal(-0.2, dataset.Labels[1], Precision);
        Assert.True(double.IsNaN(dataset.Labels[2]));
        Assert.True(double.IsNaN(dataset.Labels[3]));
    }

    [Fact]
    public void Rows_start_at_the_warm_up_with_the_batch_features()
    {
        var dataset = DatasetBuilder.Build(Set("MA5", "KMID"), [Closes(10m, 11m, 12m, 13m, 14m, 15m, 16m)]);

        // MA5 needs 5 bars: rows for bars 4, 5 and 6; the first MA5 is (10 + … + 14) / 5 = 12 over 14
        Assert.Equal(3, dataset.RowCount);
        Assert.Equal(TradingDay.Start(FirstDay.AddDays(4)), dataset.Times[0]);
        Assert.Equal(12.0 / 14, dataset[0, 0], Precision);
        Assert.Equal(0, dataset[0, 1]);
        Assert.Equal(["MA5", "KMID"], dataset.FeatureNames);
    }

    [Fact]
    public void Rows_are_ordered_by_time_then_symbol_across_different_date_ranges()
    {
        // BBB trades days 0 to 3, AAA days 2 to 5; given BBB first.
        var bbb = Daily(Symbol.Parse("BBB"), FirstDay, [.. Enumerable.Repeat((10m, 10m, 10m, 10m, 100m), 4)]);
        var aaa = Daily(Symbol.Parse("AAA"), FirstDay.AddDays(2), [.. Enumerable.Repeat((10m, 10m, 10m, 10m, 100m), 4)]);

        var dataset = DatasetBuilder.Build(s_kmid, [bbb, aaa]);

        var rows = Enumerable.Range(0, dataset.RowCount).Select(r => $"{TradingDay.Of(dataset.Times[r]).Day}{dataset.Symbols[r].Value}");
        Assert.Equal(["1BBB", "2BBB", "3AAA", "3BBB", "4AAA", "4BBB", "5AAA", "6AAA"], rows);
    }

    // One time with three symbols: closes 100 then 110, 120 and 160 make first-bar labels 0.1, 0.2 and 0.6.
    private static Dataset ThreeSymbols(LabelNormalization normalization) =>
        DatasetBuilder.Build(s_kmid, [Series("AAA", 110m), Series("BBB", 120m), Series("CCC", 160m)], normalization);

    private static BarSeries Series(string symbol, decimal third) =>
        Daily(Symbol.Parse(symbol), (50m, 50m, 50m, 50m, 1m), (100m, 100m, 100m, 100m, 1m), (third, third, third, third, 1m));

    [Fact]
    public void Z_score_takes_the_cross_sectional_mean_and_sample_deviation_per_time()
    {
        var dataset = ThreeSymbols(LabelNormalization.ZScore);

        // mean 0.3; deviations −0.2 −0.1 0.3; sample variance (0.04 + 0.01 + 0.09) / 2 = 0.07
        var deviation = Math.Sqrt(0.07);
        Assert.Equal(-0.2 / deviation, dataset.Labels[0], Precision);
        Assert.Equal(-0.1 / deviation, dataset.Labels[1], Precision);
        Assert.Equal(0.3 / deviation, dataset.Labels[2], Precision);
        Assert.All(dataset.Labels[3..].ToArray(), l => Assert.True(double.IsNaN(l)));
    }

    [Fact]
    public void Rank_places_labels_from_zero_to_one_with_ties_sharing_their_mean_rank()
    {
        // labels 0.1, 0.2, 0.2, 0.6: ranks 1, 2.5, 2.5, 4; (rank − 1) / 3
        var dataset = DatasetBuilder.Build(s_kmid,
            [Series("AAA", 110m), Series("BBB", 120m), Series("CCC", 120m), Series("DDD", 160m)], LabelNormalization.Rank);

        Assert.Equal([0, 0.5, 0.5, 1], dataset.Labels[..4].ToArray());
    }

    [Theory]
    [InlineData(LabelNormalization.ZScore)]
    [InlineData(LabelNormalization.Rank)]
    public void A_lone_label_at_a_time_has_no_cross_section_to_be_normalized_in(LabelNormalization normalization)
    {
        var dataset = DatasetBuilder.Build(s_kmid, [Closes(100m, 102m, 105m, 84m)], normalization);

        Assert.All(dataset.Labels.ToArray(), l => Assert.True(double.IsNaN(l)));
    }

    [Fact]
    public void Equal_labels_have_no_spread_to_z_score_by() =>
        Assert.True(double.IsNaN(DatasetBuilder.Build(s_kmid, [Series("AAA", 120m), Series("BBB", 120m)], LabelNormalization.ZScore).Labels[0]));

    [Fact]
    public void A_series_shorter_than_the_warm_up_is_refused_naming_its_symbol()
    {
        var refusal = Assert.Throws<InvalidInputException>(() => DatasetBuilder.Build(FeatureSet.Alpha158, [RandomWalk(1, 30)]));

        Assert.Contains("bar series XYZ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("30 bars (2024-01-01 to 2024-01-30), fewer than the 61", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_that_is_not_above_zero_is_refused_naming_the_symbol_and_the_bar_date()
    {
        var series = Daily(Xyz, (10m, 11m, 9m, 10m, 100m), (10m, 11m, 9m, 0m, 100m), (10m, 11m, 9m, -1m, 100m));

        var refusal = Assert.Throws<InvalidInputException>(() => DatasetBuilder.Build(s_kmid, [series]));

        Assert.Contains("bar series XYZ", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(
            ["bar of 2024-01-02: close 0 is not a price above zero", "bar of 2024-01-03: close -1 is not a price above zero"],
            refusal.Errors.Select(e => e.Message));
    }

    [Fact]
    public void A_symbol_given_two_series_is_refused()
    {
        var refusal = Assert.Throws<InvalidInputException>(() => DatasetBuilder.Build(s_kmid, [Closes(10m, 11m), Closes(12m, 13m)]));

        Assert.Contains("XYZ has 2 bar series", refusal.Message, StringComparison.Ordinal);
    }
}

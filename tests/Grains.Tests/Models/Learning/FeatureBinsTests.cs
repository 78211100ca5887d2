using Meridian.Grains.Models.Learning;

namespace Meridian.Grains.Tests.Models.Learning;

public sealed class FeatureBinsTests
{
    [Fact]
    public void Few_distinct_values_get_a_bin_each_bounded_midway_to_the_next()
    {
        var bins = FeatureBins.FromSample([3, 1, 2, 2, 3, 1], maxBins: 255);

        Assert.Equal(3, bins.ValueBins);
        Assert.Equal([1.5, 2.5, double.PositiveInfinity], Enumerable.Range(1, 3).Select(bins.UpperBound));
    }

    [Fact]
    public void A_value_falls_in_the_first_bin_whose_upper_bound_reaches_it()
    {
        var bins = FeatureBins.FromSample([3, 1, 2], maxBins: 255);

        Assert.Equal(1, bins.BinOf(-100));
        Assert.Equal(1, bins.BinOf(1.5));
        Assert.Equal(2, bins.BinOf(1.6));
        Assert.Equal(3, bins.BinOf(1e300));
        Assert.Equal(3, bins.BinOf(double.PositiveInfinity));
    }

    [Fact]
    public void NaN_has_bin_zero() =>
        Assert.Equal(0, FeatureBins.FromSample([1, 2], maxBins: 255).BinOf(double.NaN));

    [Fact]
    public void Many_distinct_values_are_cut_at_quantiles()
    {
        // 0..999 into 4 bins: each closes once it holds the remaining rows over the remaining bins, 250.
        var bins = FeatureBins.FromSample([.. Enumerable.Range(0, 1000).Select(i => (double)i)], maxBins: 4);

        Assert.Equal([249.5, 499.5, 749.5, double.PositiveInfinity], Enumerable.Range(1, 4).Select(bins.UpperBound));
    }

    [Fact]
    public void A_heavy_value_gets_a_bin_of_its_own()
    {
        // 600 zeros then 1..400 into 4 bins: zero alone (600 >= 1000/4); then 134 values reach 400/3 = 133.3, then
        // 133 values reach 266/2: bins {0}, 1..134, 135..267, 268..400.
        var bins = FeatureBins.FromSample([.. Enumerable.Repeat(0.0, 600), .. Enumerable.Range(1, 400).Select(i => (double)i)], maxBins: 4);

        Assert.Equal([0.5, 134.5, 267.5, double.PositiveInfinity], Enumerable.Range(1, 4).Select(bins.UpperBound));
    }

    [Fact]
    public void A_heavy_value_after_lighter_ones_starts_a_bin_of_its_own()
    {
        // 1..300 once each, then 700 rows of 500, into 4 bins: 1..250 (250 = 1000/4); 251..300 would take 500 next,
        // but 500 alone holds 700 >= 750/3 rows, so the bin closes before it, midway between 300 and 500.
        var bins = FeatureBins.FromSample([.. Enumerable.Range(1, 300).Select(i => (double)i), .. Enumerable.Repeat(500.0, 700)], maxBins: 4);

        Assert.Equal([250.5, 400, double.PositiveInfinity], Enumerable.Range(1, 3).Select(bins.UpperBound));
    }

    [Fact]
    public void A_heavy_value_in_the_middle_shares_its_bin_with_neither_side()
    {
        // 1..100, 260 rows of 150, then 200..839 (640 values): 1000 rows into 4 bins. 1..100 hold 100 < 250 when 150
        // arrives with 260 >= 250: the bin closes before it (at 125), leaving 900 rows for 3 bins (300 each); 150's bin
        // closes after it all the same (at 175), 260 < 300 though it is. 200..519 then fill 320 = 640/2 (at 519.5) and
        // 520..839 the last bin.
        double[] values = [.. Enumerable.Range(1, 100).Select(i => (double)i), .. Enumerable.Repeat(150.0, 260), .. Enumerable.Range(200, 640).Select(i => (double)i)];

        var bins = FeatureBins.FromSample(values, maxBins: 4);

        Assert.Equal([125, 175, 519.5, double.PositiveInfinity], Enumerable.Range(1, 4).Select(bins.UpperBound));
    }

    [Fact]
    public void Binning_agrees_with_a_linear_scan_of_the_upper_bounds()
    {
        var random = new Random(31);
        var bins = FeatureBins.FromSample([.. Enumerable.Range(0, 5000).Select(_ => Datasets.Normal(random))], maxBins: 255);

        for (var i = 0; i < 10_000; i++)
        {
            var value = 4 * Datasets.Normal(random);
            var expected = Enumerable.Range(1, bins.ValueBins).First(bin => value <= bins.UpperBound(bin));
            Assert.Equal(expected, bins.BinOf(value));
        }
    }
}

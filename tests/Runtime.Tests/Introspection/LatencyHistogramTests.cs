using Meridian.Runtime.Introspection;

namespace Meridian.Runtime.Tests.Introspection;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(8L)]
    [InlineData(15L)]
    [InlineData(16L)]
    [InlineData(1_000L)]
    [InlineData(123_456_789L)]
    [InlineData(long.MaxValue / 2)]
    public void Every_value_falls_in_a_bucket_whose_bounds_contain_it_within_an_eighth(long value)
    {
        var bucket = LatencyHistogram.BucketOf(value);
        var lower = LatencyHistogram.LowerBound(bucket);
        var upper = LatencyHistogram.UpperBound(bucket);

        Assert.InRange(value, lower, upper);
        Assert.True(value < 8 || (upper - lower) / lower <= 0.125, $"bucket [{lower}, {upper}) is wider than 12.5 %");
    }

    [Fact]
    public void Quantiles_come_from_the_recorded_values()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 990; i++)
            histogram.Record(1_000);
        for (var i = 0; i < 10; i++)
            histogram.Record(1_000_000);

        // 990 of 1000 values are 1 us: the median and the 99th percentile are 1 us; the 99.9th is 1 ms.
        Assert.InRange(histogram.Quantile(0.5), 1_000 * 0.9375, 1_000 * 1.0625);
        Assert.InRange(histogram.Quantile(0.99), 1_000 * 0.9375, 1_000 * 1.0625);
        Assert.InRange(histogram.Quantile(0.999), 1_000_000 * 0.9375, 1_000_000 * 1.0625);
        Assert.Equal(1000, histogram.Count);
    }

    [Fact]
    public void An_empty_histogram_has_zero_quantiles() => Assert.Equal(0, new LatencyHistogram().Quantile(0.99));
}

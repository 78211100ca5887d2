using static Meridian.Grains.Tests.Models.Features.FeatureCheck;
using static Meridian.Grains.Tests.Models.Features.FeatureSeries;

namespace Meridian.Grains.Tests.Models.Features;

/// <summary>Alpha158's features of one bar: the candle (KMID … KSFT2) and the prices over the close (OPEN0 … VWAP0).</summary>
public sealed class CandleFeatureTests
{
    // An up bar: open 100, high 112, low 96, close 106. Range 16, body 6, upper wick 6, lower wick 4.
    private static readonly Meridian.Grains.MarketData.History.BarSeries s_up = Daily(Xyz, (100m, 112m, 96m, 106m, 1000m));

    // A down bar: open 106, high 112, low 96, close 100. Greater(open, close) is now the open.
    private static readonly Meridian.Grains.MarketData.History.BarSeries s_down = Daily(Xyz, (106m, 112m, 96m, 100m, 1000m));

    [Theory]
    [InlineData("KMID", 6.0 / 100)]   // (close − open) / open
    [InlineData("KLEN", 16.0 / 100)]  // (high − low) / open
    [InlineData("KMID2", 6.0 / 16)]   // (close − open) / (high − low + 1e-12)
    [InlineData("KUP", 6.0 / 100)]    // (high − max(open, close)) / open = (112 − 106) / 100
    [InlineData("KUP2", 6.0 / 16)]
    [InlineData("KLOW", 4.0 / 100)]   // (min(open, close) − low) / open = (100 − 96) / 100
    [InlineData("KLOW2", 4.0 / 16)]
    [InlineData("KSFT", 4.0 / 100)]   // (2·close − high − low) / open = (212 − 112 − 96) / 100
    [InlineData("KSFT2", 4.0 / 16)]
    public void Candle_features_of_an_up_bar(string name, double expected) =>
        Assert.Equal(expected, After(s_up, name), Precision);

    [Theory]
    [InlineData("KMID", -6.0 / 106)]  // (100 − 106) / 106
    [InlineData("KUP", 6.0 / 106)]    // (112 − max(106, 100)) / 106
    [InlineData("KLOW", 4.0 / 106)]   // (min(106, 100) − 96) / 106
    [InlineData("KSFT", -8.0 / 106)]  // (200 − 112 − 96) / 106
    public void Candle_features_of_a_down_bar_measure_wicks_from_the_body(string name, double expected) =>
        Assert.Equal(expected, After(s_down, name), Precision);

    [Theory]
    [InlineData("KMID2")]
    [InlineData("KUP2")]
    [InlineData("KLOW2")]
    [InlineData("KSFT2")]
    public void A_bar_with_no_range_divides_zero_by_Qlib_guard_to_zero(string name) =>
        // open = high = low = close = 50: numerator 0, denominator 0 + 1e-12
        Assert.Equal(0, After(Closes(50m), name));

    [Theory]
    [InlineData("OPEN0", 100.0 / 106)]
    [InlineData("HIGH0", 112.0 / 106)]
    [InlineData("LOW0", 96.0 / 106)]
    [InlineData("VWAP0", 314.0 / 3 / 106)] // the typical price (112 + 96 + 106) / 3 stands in for the VWAP
    public void Prices_are_taken_over_the_close(string name, double expected) =>
        Assert.Equal(expected, After(s_up, name), Precision);
}

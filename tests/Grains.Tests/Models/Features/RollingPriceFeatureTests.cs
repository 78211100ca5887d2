using Meridian.Grains.MarketData.History;
using static Meridian.Grains.Tests.Models.Features.FeatureCheck;
using static Meridian.Grains.Tests.Models.Features.FeatureSeries;

namespace Meridian.Grains.Tests.Models.Features;

/// <summary>Alpha158's rolling operators over prices, on five- and six-bar series worked out by hand.</summary>
public sealed class RollingPriceFeatureTests
{
    // Closes 10, 12, 11, 13, 14 against x = 1..5: mean x 3, mean close 12; deviations x −2 −1 0 1 2, close −2 0 −1 1 2.
    // Σdx·dy = 4 + 0 + 0 + 1 + 4 = 9, Σdx² = 10, Σdy² = 4 + 0 + 1 + 1 + 4 = 10.
    private static readonly BarSeries s_trend = Closes(10m, 12m, 11m, 13m, 14m);

    [Fact]
    public void Roc_is_the_close_d_bars_back_over_the_close() =>
        // Ref(close, 5) / close after the sixth bar: 10 / 16
        Assert.Equal(10.0 / 16, After(Closes(10m, 11m, 12m, 13m, 14m, 16m), "ROC5"), Precision);

    [Fact]
    public void Roc_needs_one_bar_more_than_its_window() =>
        Assert.True(double.IsNaN(After(Closes(10m, 11m, 12m, 13m, 14m, 16m), "ROC5", bar: 4)));

    [Fact]
    public void Ma_is_the_mean_close_over_the_close() =>
        // (10 + 12 + 11 + 13 + 14) / 5 = 12, over 14
        Assert.Equal(12.0 / 14, After(s_trend, "MA5"), Precision);

    [Fact]
    public void Std_is_the_sample_standard_deviation_over_the_close() =>
        // Σdy² = 10 over n − 1 = 4: √2.5, over 14
        Assert.Equal(Math.Sqrt(2.5) / 14, After(s_trend, "STD5"), Precision);

    [Fact]
    public void Beta_is_the_least_squares_slope_over_the_close() =>
        // 9 / 10 = 0.9 a bar, over 14
        Assert.Equal(0.9 / 14, After(s_trend, "BETA5"), Precision);

    [Fact]
    public void Rsqr_is_the_square_of_the_correlation_with_time() =>
        // 9² / (10 · 10)
        Assert.Equal(0.81, After(s_trend, "RSQR5"), Precision);

    [Fact]
    public void Resi_is_the_last_close_less_the_line_over_the_close() =>
        // line at x = 5: 12 + 0.9 · (5 − 3) = 13.8; 14 − 13.8 = 0.2, over 14
        Assert.Equal(0.2 / 14, After(s_trend, "RESI5"), Precision);

    [Fact]
    public void Rsqr_of_flat_closes_is_not_defined() =>
        // The standard deviation is 0 (within Qlib's 2e-5): no line to speak of.
        Assert.True(double.IsNaN(After(Closes(20m, 20m, 20m, 20m, 20m), "RSQR5")));

    // Highs 11 15 13 15 12 (the highest, 15, first at the 2nd bar, again at the 4th); lows 9 9.5 10 8 11 (lowest 8 at
    // the 4th); last close 11.5.
    private static readonly BarSeries s_range = Daily(Xyz,
        (10m, 11m, 9m, 10m, 1000m), (10m, 15m, 9.5m, 14m, 1000m), (12m, 13m, 10m, 12m, 1000m), (12m, 15m, 8m, 9m, 1000m), (11m, 12m, 11m, 11.5m, 1000m));

    [Theory]
    [InlineData("MAX5", 15 / 11.5)]
    [InlineData("MIN5", 8 / 11.5)]
    [InlineData("RSV5", 0.5)]    // (11.5 − 8) / (15 − 8 + 1e-12)
    [InlineData("IMAX5", 0.4)]   // the first 15 is 2nd of 5 (numpy's argmax takes the first of equal values)
    [InlineData("IMIN5", 0.8)]   // 8 is 4th of 5
    [InlineData("IMXD5", -0.4)]  // (2 − 4) / 5
    public void Extremes_of_highs_and_lows_and_where_they_are(string name, double expected) =>
        Assert.Equal(expected, After(s_range, name), Precision);

    // Closes 10, 12, 11, 13, 12: sorted 10 11 12 12 13, last close 12.
    private static readonly BarSeries s_ranked = Closes(10m, 12m, 11m, 13m, 12m);

    [Fact]
    public void Qtlu_interpolates_the_80th_percentile_linearly() =>
        // position 0.8 · 4 = 3.2: 12 + 0.2 · (13 − 12) = 12.2, over 12
        Assert.Equal(12.2 / 12, After(s_ranked, "QTLU5"), Precision);

    [Fact]
    public void Qtld_interpolates_the_20th_percentile_linearly() =>
        // position 0.2 · 4 = 0.8: 10 + 0.8 · (11 − 10) = 10.8, over 12
        Assert.Equal(10.8 / 12, After(s_ranked, "QTLD5"), Precision);

    [Fact]
    public void Rank_is_the_last_close_percentile_with_ties_sharing_their_mean_rank() =>
        // the two 12s hold ranks 3 and 4: mean 3.5, over 5
        Assert.Equal(0.7, After(s_ranked, "RANK5"), Precision);

    [Fact]
    public void Rank_of_a_new_high_is_one() =>
        Assert.Equal(1, After(Closes(10m, 12m, 11m, 13m, 14m), "RANK5"), Precision);
}

using Meridian.Grains.MarketData.History;
using static Meridian.Grains.Tests.Models.Features.FeatureCheck;
using static Meridian.Grains.Tests.Models.Features.FeatureSeries;

namespace Meridian.Grains.Tests.Models.Features;

/// <summary>
/// Alpha158's rolling operators over bar-to-bar changes and volumes, on short series worked out by hand. Volumes are
/// chosen so that their logarithms are whole multiples of ln 2, which a correlation does not see.
/// </summary>
public sealed class RollingVolumeFeatureTests
{
    [Fact]
    public void Corr_correlates_the_close_with_the_log_volume()
    {
        // Closes 10 12 11 13 14: deviations from 12 are −2 0 −1 1 2. Volumes 0 3 1 15 7: ln(v + 1) = (0 2 1 4 3) · ln 2,
        // deviations from 2 are −2 0 −1 2 1. Σ products 4 + 0 + 1 + 2 + 2 = 9; Σ squares 10 and 10: 9 / √100.
        var series = ClosesAndVolumes([10m, 12m, 11m, 13m, 14m], [0m, 3m, 1m, 15m, 7m]);

        Assert.Equal(0.9, After(series, "CORR5"), Precision);
    }

    [Fact]
    public void Corr_over_an_unchanging_volume_is_not_defined() =>
        // The log volume's standard deviation is 0 (within Qlib's 2e-5): a correlation with a constant means nothing.
        Assert.True(double.IsNaN(After(ClosesAndVolumes([10m, 12m, 11m, 13m, 14m], [7m, 7m, 7m, 7m, 7m]), "CORR5")));

    [Fact]
    public void Cord_correlates_close_ratios_with_log_volume_ratios()
    {
        // Close ratios 1.00 1.02 0.99 1.03 1.01 (mean 1.01; deviations in hundredths −1 1 −2 2 0). Volumes 1 1 3 3 21 63:
        // ratios 1 3 1 7 3, ln(ratio + 1) = (1 2 1 3 2) · ln 2 (mean 1.8; deviations −0.8 0.2 −0.8 1.2 0.2).
        // Σ products 0.8 + 0.2 + 1.6 + 2.4 + 0 = 5; Σ squares 10 and 2.8: 5 / √28.
        var series = ClosesAndVolumes([100m, 100m, 102m, 100.98m, 104.0094m, 105.049494m], [1m, 1m, 3m, 3m, 21m, 63m]);

        Assert.Equal(5 / Math.Sqrt(28), After(series, "CORD5"), 1e-9);
    }

    [Fact]
    public void Cord_is_not_defined_while_a_volume_ratio_from_a_zero_volume_is_in_the_window()
    {
        // Bar 1's volume is 0, so bar 2's ratio 3 / 0 is infinite; five-ratio windows ending at bars 2 to 6 hold it
        // (bar 5's is the first full one).
        var series = ClosesAndVolumes([100m, 101m, 102m, 101m, 103m, 102m, 104m, 105m, 104m],
            [5m, 0m, 3m, 4m, 6m, 2m, 9m, 8m, 5m]);

        Assert.True(double.IsNaN(After(series, "CORD5", bar: 6)));
        Assert.False(double.IsNaN(After(series, "CORD5", bar: 7)));
    }

    // Closes 10 12 11 11 12 15: changes +2 −1 0 +1 +3, so 3 up, 1 down, 1 unchanged; gains 6, losses 1, moves 7.
    private static readonly BarSeries s_moves = Closes(10m, 12m, 11m, 11m, 12m, 15m);

    [Theory]
    [InlineData("CNTP5", 0.6)]
    [InlineData("CNTN5", 0.2)]
    [InlineData("CNTD5", 0.4)]
    [InlineData("SUMP5", 6.0 / 7)]
    [InlineData("SUMN5", 1.0 / 7)]
    [InlineData("SUMD5", 5.0 / 7)]
    public void Counts_and_sums_of_up_and_down_moves(string name, double expected) =>
        // the 1e-12 guard moves 6 / (7 + 1e-12) by under 1e-12
        Assert.Equal(expected, After(s_moves, name), Precision);

    [Fact]
    public void Sums_of_moves_over_flat_closes_are_zero_through_Qlib_guard() =>
        Assert.Equal(0, After(Closes(10m, 10m, 10m, 10m, 10m, 10m), "SUMP5"));

    [Theory]
    [InlineData("VMA5", 0.6)]                     // mean 300 over the last volume 500
    [InlineData("VSTD5", 0.31622776601683794)]    // √((200² + 100² + 0 + 100² + 200²) / 4) = √25000 = 158.11…, over 500
    public void Volume_mean_and_deviation_over_the_last_volume(string name, double expected) =>
        Assert.Equal(expected, After(ClosesAndVolumes([10m, 11m, 12m, 13m, 14m], [100m, 200m, 300m, 400m, 500m]), name), Precision);

    [Theory]
    [InlineData("VMA5")]
    [InlineData("VSTD5")]
    public void Volume_features_of_a_zero_volume_bar_are_not_defined(string name) =>
        // Qlib's guard would give 300 / 1e-12: not a number anything should learn from.
        Assert.True(double.IsNaN(After(ClosesAndVolumes([10m, 11m, 12m, 13m, 14m], [100m, 200m, 300m, 400m, 0m]), name)));

    [Fact]
    public void Wvma_is_the_deviation_over_the_mean_of_volume_weighted_moves()
    {
        // Closes 100 110 99 99 108.9 98.01 move 10% 10% 0 10% 10%; times volumes 10 20 30 40 50: 1 2 0 4 5.
        // Mean 2.4; squared deviations 1.96 + 0.16 + 5.76 + 2.56 + 6.76 = 17.2, over 4: 4.3.
        var series = ClosesAndVolumes([100m, 110m, 99m, 99m, 108.9m, 98.01m], [5m, 10m, 20m, 30m, 40m, 50m]);

        Assert.Equal(Math.Sqrt(4.3) / 2.4, After(series, "WVMA5"), Precision);
    }

    [Theory]
    [InlineData("VSUMP5", 5.0 / 7)]
    [InlineData("VSUMN5", 2.0 / 7)]
    [InlineData("VSUMD5", 3.0 / 7)]
    public void Sums_of_volume_increases_and_decreases(string name, double expected) =>
        // Volumes 100 300 200 200 500 400: changes +200 −100 0 +300 −100; increases 500, decreases 200, moves 700
        Assert.Equal(expected, After(ClosesAndVolumes([10m, 10m, 10m, 10m, 10m, 10m], [100m, 300m, 200m, 200m, 500m, 400m]), name), Precision);
}

using Meridian.Grains.MarketData.History;
using static Meridian.Grains.Tests.Models.Features.FeatureCheck;
using static Meridian.Grains.Tests.Models.Features.FeatureSeries;

namespace Meridian.Grains.Tests.Models.Features;

/// <summary>The standard indicators on series worked out by hand; price levels are reported as level / close − 1.</summary>
public sealed class IndicatorTests
{
    private static readonly decimal[] s_oneToTen = [1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m, 9m, 10m];

    [Fact]
    public void Sma_is_the_mean_close_relative_to_the_close() =>
        // (1 + … + 10) / 10 = 5.5 against a close of 10
        Assert.Equal(-0.45, After(Closes(s_oneToTen), "SMA10"), Precision);

    [Fact]
    public void Ema_is_seeded_by_the_sma_of_its_first_window() =>
        Assert.Equal(-0.45, After(Closes(s_oneToTen), "EMA10"), Precision);

    [Fact]
    public void Ema_then_moves_two_elevenths_of_the_way_to_each_close()
    {
        // Seed 5.5; α = 2 / 11. Close 16.5: 5.5 + (16.5 − 5.5) · 2/11 = 7.5. Close 18.5: 7.5 + 11 · 2/11 = 9.5.
        var series = Closes([.. s_oneToTen, 16.5m, 18.5m]);

        Assert.Equal((7.5 / 16.5) - 1, After(series, "EMA10", bar: 10), Precision);
        Assert.Equal((9.5 / 18.5) - 1, After(series, "EMA10", bar: 11), Precision);
    }

    [Fact]
    public void Ema_is_not_defined_before_its_window_is_full() =>
        Assert.True(double.IsNaN(After(Closes([.. s_oneToTen, 16.5m]), "EMA10", bar: 8)));

    // Closes from 100 alternately up 1 and down 0.5, fourteen changes, then up 2.
    private static readonly BarSeries s_rsi = Closes(
        100m, 101m, 100.5m, 101.5m, 101m, 102m, 101.5m, 102.5m, 102m, 103m, 102.5m, 103.5m, 103m, 104m, 103.5m, 105.5m);

    [Fact]
    public void Rsi_is_seeded_by_the_simple_average_gain_and_loss_of_its_first_fourteen_changes() =>
        // average gain 7 · 1 / 14 = 0.5, average loss 7 · 0.5 / 14 = 0.25: 100 · 0.5 / 0.75
        Assert.Equal(200.0 / 3, After(s_rsi, "RSI14", bar: 14), Precision);

    [Fact]
    public void Rsi_then_smooths_gains_and_losses_the_Wilder_way()
    {
        // gain (0.5 · 13 + 2) / 14 = 8.5 / 14, loss (0.25 · 13 + 0) / 14 = 3.25 / 14: 100 · 8.5 / 11.75
        Assert.Equal(850 / 11.75, After(s_rsi, "RSI14"), Precision);
    }

    [Fact]
    public void Rsi_needs_fifteen_bars() =>
        Assert.True(double.IsNaN(After(s_rsi, "RSI14", bar: 13)));

    [Fact]
    public void Atr_is_seeded_by_the_mean_true_range_then_smoothed_the_Wilder_way()
    {
        // Fifteen bars of open = close = 100, high 101, low 99: each true range from the 2nd bar is 2, so the seed is 2.
        // Then a gap: high 105, low 103 over a close of 100, true range max(2, 5, 3) = 5; (2 · 13 + 5) / 14 = 31 / 14.
        var steady = Enumerable.Repeat((100m, 101m, 99m, 100m, 1000m), 15);
        var series = Daily(Xyz, [.. steady, (104m, 105m, 103m, 104m, 1000m)]);

        Assert.Equal(2.0 / 100, After(series, "ATR14", bar: 14), Precision);
        Assert.Equal(31.0 / 14 / 104, After(series, "ATR14"), Precision);
    }

    // Closes 100, 101, …, 139. On a line of slope 1 an SMA-seeded EMA(n) starts at close − (n − 1) / 2 and stays there:
    // x + 2/(n+1) · (c − x) with x = c − 1 − (n − 1)/2 is c − (n − 1)/2. So MACD = (c − 5.5) − (c − 12.5) = 7, and its
    // signal, an EMA of a constant 7, is 7.
    private static readonly BarSeries s_ramp = Closes([.. Enumerable.Range(100, 40).Select(c => (decimal)c)]);

    [Theory]
    [InlineData("MACD", 7.0 / 139)]
    [InlineData("MACD_SIGNAL", 7.0 / 139)]
    [InlineData("MACD_HIST", 0)]
    public void Macd_on_a_steady_rise_is_the_gap_between_the_emas_lags(string name, double expected) =>
        Assert.Equal(expected, After(s_ramp, name), Precision);

    [Fact]
    public void Macd_starts_with_the_slow_ema_and_its_signal_nine_lines_later()
    {
        Assert.True(double.IsNaN(After(s_ramp, "MACD", bar: 24)));
        Assert.Equal(7.0 / 125, After(s_ramp, "MACD", bar: 25), Precision);
        Assert.True(double.IsNaN(After(s_ramp, "MACD_SIGNAL", bar: 32)));
        Assert.Equal(7.0 / 133, After(s_ramp, "MACD_SIGNAL", bar: 33), Precision);
    }

    // Closes 99 and 101 alternately, twenty of them, the last 101: mean 100, population deviation 1; bands 102 and 98.
    private static readonly BarSeries s_swing = Closes([.. Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 99m : 101m)]);

    [Theory]
    [InlineData("BB_UPPER20", (102.0 / 101) - 1)]
    [InlineData("BB_LOWER20", (98.0 / 101) - 1)]
    [InlineData("BB_PCTB20", 0.75)]  // (101 − 98) / (102 − 98)
    [InlineData("BB_WIDTH20", 0.04)] // (102 − 98) / 100
    public void Bollinger_bands_lie_two_population_deviations_from_the_sma(string name, double expected) =>
        Assert.Equal(expected, After(s_swing, name), Precision);

    [Fact]
    public void Percent_b_between_bands_that_have_met_is_not_defined() =>
        Assert.True(double.IsNaN(After(Closes([.. Enumerable.Repeat(50m, 20)]), "BB_PCTB20")));

    [Fact]
    public void Rocp_is_the_change_over_the_close_ten_bars_back() =>
        // 12 / 10 − 1
        Assert.Equal(0.2, After(Closes([.. s_oneToTen.Select(_ => 10m), 12m]), "ROCP10"), Precision);
}

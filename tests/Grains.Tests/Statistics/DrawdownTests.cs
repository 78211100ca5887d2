using Meridian.Grains.Portfolios;
using static Meridian.Grains.Tests.Statistics.EquityCurves;

namespace Meridian.Grains.Tests.Statistics;

public sealed class DrawdownTests
{
    // Peak 120 at noon, trough 90 the same afternoon, back to 120 two days later. The daily closes alone
    // (start 100, then 90, 110, 120, 130) would show only 10%.
    private static readonly EquityPoint[] s_intradayTrough =
    [
        At("2026-01-05T09:00:00Z", 100m),
        At("2026-01-05T12:00:00Z", 120m),
        At("2026-01-05T15:00:00Z", 90m),
        At("2026-01-06T16:00:00Z", 110m),
        At("2026-01-07T16:00:00Z", 120m),
        At("2026-01-08T16:00:00Z", 130m),
    ];

    [Fact]
    public void Max_drawdown_counts_an_intraday_trough() =>
        // (120 - 90) / 120
        AssertNear(0.25, Of(s_intradayTrough).MaxDrawdown);

    [Fact]
    public void Drawdown_duration_runs_from_the_peak_to_the_first_point_back_at_it() =>
        // 5 Jan 12:00 (peak 120) to 7 Jan 16:00 (equity 120 again): 2 days 4 hours
        Assert.Equal(TimeSpan.FromHours(52), Of(s_intradayTrough).MaxDrawdownDuration);

    [Fact]
    public void Unrecovered_drawdown_is_measured_to_the_end_of_the_curve()
    {
        // 100, 120 (peak, day 2), 100, 110 (day 4, still below 120): depth 20/120, duration day 2 -> day 4
        var statistics = Of(Daily(100m, 120m, 100m, 110m));

        AssertNear(1.0 / 6, statistics.MaxDrawdown);
        Assert.Equal(TimeSpan.FromDays(2), statistics.MaxDrawdownDuration);
    }

    [Fact]
    public void Duration_is_that_of_the_longest_drawdown_not_the_deepest() =>
        // Days 0..7: 100, 80, 100 (20% deep, 2 days), 105, 104, 103, 104.5, 106 (under 2% deep, day 3 -> day 7: 4 days)
        Assert.Equal(TimeSpan.FromDays(4), Of(Daily(100m, 80m, 100m, 105m, 104m, 103m, 104.5m, 106m)).MaxDrawdownDuration);

    [Fact]
    public void Drawdown_starts_at_the_last_point_at_the_peak() =>
        // 100, 100, 90, 100: under water from day 1 (not day 0) to day 3
        Assert.Equal(TimeSpan.FromDays(2), Of(Daily(100m, 100m, 90m, 100m)).MaxDrawdownDuration);

    [Fact]
    public void A_curve_that_never_falls_has_no_drawdown()
    {
        var statistics = Of(Daily(100m, 101m, 101m, 102m));

        Assert.Equal(0, statistics.MaxDrawdown);
        Assert.Equal(TimeSpan.Zero, statistics.MaxDrawdownDuration);
    }

    [Fact]
    public void Calmar_is_annualized_return_over_max_drawdown() =>
        // 100, 80, 120 at 4 periods a year: total 0.2 over 2 returns, annualized 1.2^(4/2) - 1 = 0.44;
        // drawdown (100 - 80) / 100 = 0.2; Calmar 0.44 / 0.2
        AssertNear(2.2, Of(Daily(100m, 80m, 120m), new() { PeriodsPerYear = 4 }).Calmar);

    [Fact]
    public void Calmar_is_null_without_a_drawdown() => Assert.Null(Of(Daily(100m, 110m)).Calmar);
}

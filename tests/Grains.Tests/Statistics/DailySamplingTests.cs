using Meridian.Grains.Portfolios;
using Meridian.Grains.Statistics;
using static Meridian.Grains.Tests.Statistics.EquityCurves;

namespace Meridian.Grains.Tests.Statistics;

public sealed class DailySamplingTests
{
    // Three points on 5 Jan, two on 6 Jan, none on 7 Jan, one on 8 Jan.
    private static readonly EquityPoint[] s_intraday =
    [
        At("2026-01-05T09:00:00Z", 100m),
        At("2026-01-05T12:00:00Z", 105m),
        At("2026-01-05T16:00:00Z", 103m),
        At("2026-01-06T10:00:00Z", 108m),
        At("2026-01-06T15:00:00Z", 106m),
        At("2026-01-08T11:00:00Z", 111.3m),
    ];

    [Fact]
    public void Intraday_points_reduce_to_the_start_and_the_last_point_of_each_UTC_day() =>
        Assert.Equal(
            new[] { s_intraday[0], s_intraday[2], s_intraday[4], s_intraday[5] },
            DailyEquity.Sample(s_intraday));

    [Fact]
    public void A_day_without_points_adds_no_return() =>
        // Samples 100, 103, 106, 111.3: three returns, none for 7 Jan
        Assert.Equal(3, Of(s_intraday).ReturnCount);

    [Fact]
    public void The_first_day_s_move_from_the_starting_equity_is_a_return()
    {
        // Samples 100 (start), 90 (5 Jan close), 99: returns -0.1, 0.1; mean 0; sample variance (0.01 + 0.01) / 1;
        // volatility sqrt(0.02) x sqrt(252) = sqrt(5.04). Dropping the start would leave one return and no volatility.
        EquityPoint[] curve =
        [
            At("2026-01-05T09:00:00Z", 100m),
            At("2026-01-05T16:00:00Z", 90m),
            At("2026-01-06T16:00:00Z", 99m),
        ];

        AssertNear(Math.Sqrt(5.04), Of(curve).Volatility);
    }

    [Fact]
    public void A_start_that_is_also_its_day_s_last_point_is_sampled_once() =>
        Assert.Equal(2, DailyEquity.Sample(Daily(100m, 110m)).Count);

    [Fact]
    public void Days_are_UTC_days_whatever_the_offset()
    {
        // 20:00 at -05:00 is 01:00 UTC on 6 Jan, the same UTC day as the 10:00Z point after it
        EquityPoint[] curve =
        [
            At("2026-01-05T12:00:00Z", 100m),
            At("2026-01-05T20:00:00-05:00", 101m),
            At("2026-01-06T10:00:00Z", 102m),
        ];

        Assert.Equal(new[] { curve[0], curve[2] }, DailyEquity.Sample(curve));
    }
}

using Meridian.Grains.Portfolios;
using Meridian.Grains.Statistics;
using static Meridian.Grains.Tests.Statistics.EquityCurves;

namespace Meridian.Grains.Tests.Statistics;

public sealed class TurnoverTests
{
    [Fact]
    public void Turnover_is_traded_notional_over_the_average_of_the_daily_equity()
    {
        // Sampled: start 100, 5 Jan's last 100, 6 Jan's last 130; average 330 / 3 = 110; 220 / 110 = 2.
        // (The intraday 200 is not a sample: over all points the average would be 132.5.)
        EquityPoint[] curve =
        [
            At("2026-01-05T09:00:00Z", 100m),
            At("2026-01-05T12:00:00Z", 200m),
            At("2026-01-05T16:00:00Z", 100m),
            At("2026-01-06T16:00:00Z", 130m),
        ];

        AssertNear(2, PerformanceStatistics.Compute(curve, [], 220m, StatisticsOptions.Default).Turnover);
    }

    [Fact]
    public void Turnover_is_null_without_equity() =>
        Assert.Null(PerformanceStatistics.Compute([], [], 1000m, StatisticsOptions.Default).Turnover);
}

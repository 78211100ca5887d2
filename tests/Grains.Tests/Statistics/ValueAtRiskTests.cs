using Meridian.Grains.Portfolios;
using static Meridian.Grains.Tests.Statistics.EquityCurves;

namespace Meridian.Grains.Tests.Statistics;

/// <summary>
/// Twenty daily returns, given out of order; sorted ascending (index 0..19):
/// -0.05, -0.03, -0.02, -0.015, -0.01, -0.005, 0, 0.002, 0.004, 0.005,
/// 0.006, 0.008, 0.01, 0.012, 0.015, 0.02, 0.022, 0.025, 0.03, 0.04.
/// Type-7 quantile: h = (n - 1) p, q = x_floor(h) + frac(h) (x_floor(h)+1 - x_floor(h)).
/// </summary>
public sealed class ValueAtRiskTests
{
    private static readonly PortfolioStatistics s_twenty = Of(FromReturns(
        0.01, -0.015, 0.022, 0.004, -0.05, 0.03, 0, -0.005, 0.012, 0.006,
        -0.03, 0.02, 0.002, 0.04, -0.01, 0.008, 0.025, -0.02, 0.005, 0.015));

    [Fact]
    public void Value_at_risk_95_interpolates_between_the_two_worst_returns() =>
        // h = 19 x 0.05 = 0.95; q = -0.05 + 0.95 x (-0.03 - -0.05) = -0.05 + 0.019 = -0.031
        AssertNear(0.031, s_twenty.ValueAtRisk95);

    [Fact]
    public void Value_at_risk_99_sits_closer_to_the_worst_return() =>
        // h = 19 x 0.01 = 0.19; q = -0.05 + 0.19 x 0.02 = -0.0462
        AssertNear(0.0462, s_twenty.ValueAtRisk99);

    [Fact]
    public void Conditional_value_at_risk_95_is_the_mean_loss_at_or_below_the_quantile() =>
        // Only -0.05 is at or below -0.031
        AssertNear(0.05, s_twenty.ConditionalValueAtRisk95);

    [Fact]
    public void Conditional_value_at_risk_99_is_the_mean_loss_at_or_below_the_quantile() =>
        // Only -0.05 is at or below -0.0462
        AssertNear(0.05, s_twenty.ConditionalValueAtRisk99);

    [Fact]
    public void Conditional_value_at_risk_includes_a_return_equal_to_the_quantile()
    {
        // 21 returns: h = 20 x 0.05 = 1 exactly, so q = x_1 = -0.03; at or below it: -0.05 and -0.03, mean -0.04
        var statistics = Of(FromReturns(
            -0.05, -0.03, -0.02, -0.015, -0.01, -0.005, 0, 0.002, 0.004, 0.005, 0.006,
            0.008, 0.01, 0.012, 0.015, 0.02, 0.022, 0.025, 0.03, 0.04, 0.05));

        AssertNear(0.03, statistics.ValueAtRisk95);
        AssertNear(0.04, statistics.ConditionalValueAtRisk95);
    }

    [Fact]
    public void Value_at_risk_needs_twenty_returns()
    {
        var statistics = Of(FromReturns(
            0.01, -0.015, 0.022, 0.004, -0.05, 0.03, 0, -0.005, 0.012, 0.006,
            -0.03, 0.02, 0.002, 0.04, -0.01, 0.008, 0.025, -0.02, 0.005));

        Assert.Null(statistics.ValueAtRisk95);
        Assert.Null(statistics.ValueAtRisk99);
        Assert.Null(statistics.ConditionalValueAtRisk95);
        Assert.Null(statistics.ConditionalValueAtRisk99);
    }
}

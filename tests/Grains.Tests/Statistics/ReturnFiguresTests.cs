using Meridian.Grains.Portfolios;
using static Meridian.Grains.Tests.Statistics.EquityCurves;

namespace Meridian.Grains.Tests.Statistics;

/// <summary>
/// Total and annualized return, volatility, Sharpe and Sortino on one daily curve: equity 100, 110, 99, 108.9.
/// Returns: 110/100 - 1 = 0.1, 99/110 - 1 = -0.1, 108.9/99 - 1 = 0.1; n = 3.
/// Mean = 0.1/3 = 1/30. Deviations from it: 1/15, -2/15, 1/15; squares 1/225, 4/225, 1/225, sum 6/225 = 2/75.
/// Sample variance = (2/75) / (3 - 1) = 1/75; sample standard deviation = sqrt(1/75).
/// </summary>
public sealed class ReturnFiguresTests
{
    private static readonly EquityPoint[] s_curve = Daily(100m, 110m, 99m, 108.9m);

    [Fact]
    public void Total_return_is_last_equity_over_first_minus_one() =>
        // 108.9 / 100 - 1
        AssertNear(0.089, Of(s_curve).TotalReturn);

    [Fact]
    public void Annualized_return_compounds_the_total_return_over_a_year_of_periods() =>
        // 6 periods a year, 3 returns: 1.089^(6/3) - 1 = 1.185921 - 1 (a simple average would give 0.178)
        AssertNear(0.185921, Of(s_curve, new() { PeriodsPerYear = 6 }).AnnualizedReturn);

    [Fact]
    public void Annualized_return_needs_only_one_return() =>
        // 100 -> 110, 2 periods a year: 1.1^2 - 1
        AssertNear(0.21, Of(Daily(100m, 110m), new() { PeriodsPerYear = 2 }).AnnualizedReturn);

    [Fact]
    public void Volatility_is_the_sample_standard_deviation_scaled_by_the_root_of_periods_per_year() =>
        // sqrt(1/75) x sqrt(252) = sqrt(3.36) = 1.83303...
        AssertNear(Math.Sqrt(3.36), Of(s_curve).Volatility);

    [Fact]
    public void Sharpe_is_mean_return_over_its_deviation_annualized() =>
        // (1/30) / sqrt(1/75) x sqrt(252) = sqrt(75 x 252) / 30 = sqrt(18900 / 900) = sqrt(21) = 4.58257...
        AssertNear(Math.Sqrt(21), Of(s_curve).Sharpe);

    [Fact]
    public void Sharpe_subtracts_the_risk_free_rate_of_one_period() =>
        // 4% a year over 4 periods: 0.01 a period. (1/30 - 1/100) = 7/300; / sqrt(1/75) = 7 x 5 sqrt(3) / 300;
        // x sqrt(4) = 7 sqrt(3) / 30 = 0.40414...
        AssertNear(7 * Math.Sqrt(3) / 30, Of(s_curve, new() { PeriodsPerYear = 4, RiskFreeRate = 0.04 }).Sharpe);

    [Fact]
    public void Sortino_divides_by_the_downside_deviation_over_all_returns() =>
        // Target 0: shortfalls 0, -0.1, 0; squares sum 0.01, over n = 3 (not over the one losing period):
        // downside deviation sqrt(0.01/3) = 0.1 / sqrt(3). (1/30) / (0.1 / sqrt(3)) x sqrt(252) = sqrt(3 x 252) / 3
        // = sqrt(84) = 9.16515...
        AssertNear(Math.Sqrt(84), Of(s_curve).Sortino);

    [Fact]
    public void Sortino_measures_shortfall_below_the_risk_free_rate_of_one_period() =>
        // Target 0.01: r - target = 0.09, -0.11, 0.09; downside deviation sqrt(0.0121/3) = 0.11 / sqrt(3).
        // (7/300) / (0.11 / sqrt(3)) x sqrt(4) = 14 sqrt(3) / 33 = 0.73480...
        AssertNear(14 * Math.Sqrt(3) / 33, Of(s_curve, new() { PeriodsPerYear = 4, RiskFreeRate = 0.04 }).Sortino);

    [Fact]
    public void Return_count_is_the_number_of_period_returns() => Assert.Equal(3, Of(s_curve).ReturnCount);
}

using Meridian.Grains.Domain;
using Meridian.Grains.Statistics;
using static Meridian.Grains.Tests.Statistics.EquityCurves;

namespace Meridian.Grains.Tests.Statistics;

public sealed class InputAndNullRulesTests
{
    [Fact]
    public void An_empty_curve_has_zero_return_and_drawdown_and_no_return_based_figure()
    {
        var statistics = Of([]);

        Assert.Equal(0, statistics.TotalReturn);
        Assert.Equal(0, statistics.MaxDrawdown);
        Assert.Equal(0, statistics.ReturnCount);
        Assert.Null(statistics.AnnualizedReturn);
        Assert.Null(statistics.Volatility);
        Assert.Null(statistics.Sharpe);
        Assert.Null(statistics.Sortino);
        Assert.Null(statistics.Calmar);
        Assert.Null(statistics.ValueAtRisk95);
    }

    [Fact]
    public void A_single_point_has_no_annualized_return() => Assert.Null(Of(Daily(100m)).AnnualizedReturn);

    [Fact]
    public void One_return_has_no_volatility_Sharpe_or_Sortino()
    {
        var statistics = Of(Daily(100m, 90m));

        Assert.Null(statistics.Volatility);
        Assert.Null(statistics.Sharpe);
        Assert.Null(statistics.Sortino);
    }

    [Fact]
    public void Sharpe_is_null_when_every_return_is_the_same() =>
        // 100, 101, 102.01: 1% twice; the deviation is zero up to rounding, and no ratio is made of it
        Assert.Null(Of(Daily(100m, 101m, 102.01m)).Sharpe);

    [Fact]
    public void Sortino_is_null_when_no_return_falls_below_the_target() =>
        // Returns 0.1 and 0.05, both above 0
        Assert.Null(Of(Daily(100m, 110m, 115.5m)).Sortino);

    [Fact]
    public void Return_based_figures_are_null_once_equity_is_wiped_out()
    {
        // 100, 0, 50: a return from zero equity means nothing. Total return and drawdown still hold.
        var statistics = Of(Daily(100m, 0m, 50m));

        Assert.Null(statistics.Volatility);
        Assert.Null(statistics.AnnualizedReturn);
        AssertNear(-0.5, statistics.TotalReturn);
        AssertNear(1, statistics.MaxDrawdown);
    }

    [Fact]
    public void A_curve_starting_at_zero_equity_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Of(Daily(0m, 100m)));

        Assert.Contains("must be greater than zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curve_out_of_time_order_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Of([At("2026-01-06T10:00:00Z", 100m), At("2026-01-05T10:00:00Z", 101m)]));

        Assert.Contains("out of time order at point 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_traded_notional_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PerformanceStatistics.Compute(Daily(100m), [], -1m, StatisticsOptions.Default));

    [Fact]
    public void Invalid_options_report_every_violation()
    {
        var options = new StatisticsOptions { PeriodsPerYear = 0, RiskFreeRate = double.NaN };

        var error = Assert.Throws<InvalidInputException>(() => Of(Daily(100m), options));

        Assert.Equal(["periods_per_year", "risk_free_rate"], error.Errors.Select(e => e.Field));
    }
}

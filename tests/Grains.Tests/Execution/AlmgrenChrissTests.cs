using Meridian.Grains.Domain;
using Meridian.Grains.Execution;
using static Meridian.Grains.Tests.Execution.PaperExample;

namespace Meridian.Grains.Tests.Execution;

public sealed class AlmgrenChrissTests
{
    private const double Tau = HorizonDays / Slices;
    private const double Sigma = 0.95;
    private const double Gamma = 2.5e-7;
    private const double Eta = 2.5e-6;
    private const double Epsilon = 0.0625;

    /// <summary>κ from the paper's relation 2(cosh(κτ) − 1)/τ² = λσ²/η̃, solved with acosh.</summary>
    private static double Kappa(double lambda)
    {
        var etaTilde = Eta - Gamma * Tau / 2;
        return Math.Acosh(1 + lambda * Sigma * Sigma / etaTilde * Tau * Tau / 2) / Tau;
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected}, got {actual} (relative tolerance {tolerance})");

    [Fact]
    public void Holdings_follow_sinh_of_the_time_left_over_sinh_of_the_horizon()
    {
        var kappa = Kappa(2e-6);

        var trajectory = AlmgrenChriss.Solve(Shares, HorizonDays, Slices, WithRiskAversion(2e-6));

        AssertRelative(kappa, trajectory.Kappa, 1e-12);
        for (var j = 0; j < Slices; j++)
            AssertRelative(Math.Sinh(kappa * (HorizonDays - j * Tau)) / Math.Sinh(kappa * HorizonDays) * Shares, trajectory.Holdings[j], 1e-12);
        Assert.Equal(0, trajectory.Holdings[Slices]);
    }

    [Fact]
    public void The_paper_example_at_lambda_2e_6_matches_the_figures_published_for_it()
    {
        // Published by the almgren-chriss package (PyPI) for these parameters: holdings, E and √V.
        double[] holdings = [1_000_000, 428_598.84574702, 182_932.81426177, 76_295.72161546, 27_643.37739691, 0];

        var trajectory = AlmgrenChriss.Solve(Shares, HorizonDays, Slices, WithRiskAversion(2e-6));

        for (var j = 0; j < Slices; j++)
            AssertRelative(holdings[j], trajectory.Holdings[j], 1e-9);
        AssertRelative(1_140_715.1670497851, trajectory.ExpectedCost, 1e-9);
        AssertRelative(449_367.65254135116, Math.Sqrt(trajectory.Variance), 1e-9);
    }

    [Fact]
    public void Expected_cost_and_variance_equal_the_papers_closed_forms()
    {
        // E = ½γX² + εX + η̃X² tanh(½κτ)(τ sinh(2κT) + 2T sinh(κτ)) / (2τ² sinh²(κT))
        // V = ½σ²X² (τ sinh(κT) cosh(κ(T − τ)) − T sinh(κτ)) / (sinh²(κT) sinh(κτ))
        const double T = HorizonDays;
        const double X = Shares;
        var kappa = Kappa(1e-6);
        var etaTilde = Eta - Gamma * Tau / 2;
        var sinhKT = Math.Sinh(kappa * T);
        var expected = Gamma * X * X / 2 + Epsilon * X
            + etaTilde * X * X * Math.Tanh(kappa * Tau / 2) * (Tau * Math.Sinh(2 * kappa * T) + 2 * T * Math.Sinh(kappa * Tau)) / (2 * Tau * Tau * sinhKT * sinhKT);
        var variance = Sigma * Sigma * X * X / 2
            * (Tau * sinhKT * Math.Cosh(kappa * (T - Tau)) - T * Math.Sinh(kappa * Tau)) / (sinhKT * sinhKT * Math.Sinh(kappa * Tau));

        var trajectory = AlmgrenChriss.Solve(Shares, HorizonDays, Slices, WithRiskAversion(1e-6));

        AssertRelative(expected, trajectory.ExpectedCost, 1e-9);
        AssertRelative(variance, trajectory.Variance, 1e-9);
    }

    [Fact]
    public void No_risk_aversion_is_TWAP_with_its_cost_and_variance()
    {
        // Linear: 200,000 a day. E = ½γX² + εX + η̃X²/T = 125,000 + 62,500 + 2.375e-6 x 1e12 / 5 = 662,500.
        // V = σ²τ(0.8² + 0.6² + 0.4² + 0.2²)X² = 0.9025 x 1.2e12 = 1.083e12.
        var trajectory = AlmgrenChriss.Solve(Shares, HorizonDays, Slices, WithRiskAversion(0));

        Assert.Equal([1_000_000, 800_000, 600_000, 400_000, 200_000, 0], trajectory.Holdings);
        Assert.Equal(0, trajectory.Kappa);
        AssertRelative(662_500, trajectory.ExpectedCost, 1e-12);
        AssertRelative(1.083e12, trajectory.Variance, 1e-12);
    }

    [Fact]
    public void A_vanishing_risk_aversion_tends_to_TWAP()
    {
        var trajectory = AlmgrenChriss.Solve(Shares, HorizonDays, Slices, WithRiskAversion(1e-18));

        for (var j = 0; j <= Slices; j++)
            Assert.Equal(1 - (double)j / Slices, trajectory.Holdings[j] / Shares, 1e-9);
    }

    [Fact]
    public void Risk_aversion_front_loads_the_trades()
    {
        var trajectory = AlmgrenChriss.Solve(Shares, HorizonDays, Slices, WithRiskAversion(2e-6));

        Assert.True(trajectory.Trades[0] > Shares / Slices, $"first trade {trajectory.Trades[0]} is not above TWAP's {Shares / Slices}");
        for (var j = 1; j < Slices; j++)
            Assert.True(trajectory.Trades[j] < trajectory.Trades[j - 1], $"trade {j + 1} ({trajectory.Trades[j]}) is not below trade {j}");
        Assert.Equal(Shares, trajectory.Trades.Sum(), 1e-6);
    }

    [Fact]
    public void An_extreme_risk_aversion_trades_almost_everything_at_once_without_overflow()
    {
        var trajectory = AlmgrenChriss.Solve(Shares, HorizonDays, Slices, WithRiskAversion(1e30));

        Assert.All(trajectory.Holdings, x => Assert.True(double.IsFinite(x)));
        Assert.True(trajectory.Holdings[1] < 1e-6, $"{trajectory.Holdings[1]} shares left after the first slice");
    }

    [Fact]
    public void A_temporary_impact_not_above_half_the_permanent_impact_of_a_slice_is_refused()
    {
        // η̃ = 1e-7 − 2.5e-7 x 1 / 2 < 0.
        var parameters = WithRiskAversion(2e-6) with { TemporaryImpact = 1e-7 };

        var error = Assert.Throws<InvalidInputException>(() => AlmgrenChriss.Solve(Shares, HorizonDays, Slices, parameters));

        Assert.Equal(["almgren_chriss.temporary_impact"], error.Errors.Select(e => e.Field));
        Assert.Contains("η̃ = η − γτ/2", error.Message, StringComparison.Ordinal);
    }
}

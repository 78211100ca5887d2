using Meridian.Grains.Domain;

namespace Meridian.Grains.Execution;

/// <summary>
/// The optimal trajectory of Almgren and Chriss (2000), "Optimal execution of portfolio transactions", for linear
/// impact: the holdings that minimize E + λV when trading X shares in N slices of τ = T/N. With
/// η̃ = η − γτ/2 and κ̃² = λσ²/η̃, κ solves 2(cosh(κτ) − 1)/τ² = κ̃², and
/// <code>
/// x_j = X sinh(κ(T − t_j)) / sinh(κT),   t_j = jτ,   n_j = x_(j−1) − x_j
/// E   = ½γX² + ε Σ|n_j| + (η̃/τ) Σ n_j²
/// V   = σ² τ Σ x_j²
/// </code>
/// λ = 0 (or σ = 0) gives κ = 0 and the linear trajectory x_j = X(1 − j/N): TWAP. The paper liquidates; acquiring
/// X shares is the same problem mirrored, so a buy follows the same trajectory.
/// </summary>
public static class AlmgrenChriss
{
    // Beyond this κT, sinh overflows long before it matters: the ratio is computed from exponentials instead.
    private const double LargeKappaT = 300;

    /// <summary>
    /// The trajectory for <paramref name="shares"/> over <paramref name="horizonDays"/> days in <paramref name="slices"/>
    /// slices; throws <see cref="InvalidInputException"/> listing every bad input (η̃ must be above zero).
    /// </summary>
    public static AlmgrenChrissTrajectory Solve(double shares, double horizonDays, int slices, AlmgrenChrissParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = new List<FieldError>();
        if (!double.IsFinite(shares) || shares < 0)
            errors.Add(new("shares", $"{shares} must be a finite number, 0 or more"));
        if (!double.IsFinite(horizonDays) || horizonDays <= 0)
            errors.Add(new("horizon", $"{horizonDays} days must be above 0"));
        if (slices < 1)
            errors.Add(new("slices", $"{slices} must be at least 1"));
        if (errors.Count == 0)
            errors.AddRange(parameters.Validate(horizonDays / slices));
        if (errors.Count > 0)
            throw new InvalidInputException("almgren-chriss trajectory", errors);

        var tau = horizonDays / slices;
        var etaTilde = parameters.TemporaryImpact - parameters.PermanentImpact * tau / 2;
        var kappaTilde = Math.Sqrt(parameters.RiskAversion * parameters.Volatility * parameters.Volatility / etaTilde);
        // cosh(κτ) = 1 + κ̃²τ²/2 solved as κτ = 2 asinh(κ̃τ/2): the same root, without acosh's loss of digits near 1.
        var kappaTau = 2 * Math.Asinh(kappaTilde * tau / 2);

        var holdings = new double[slices + 1];
        for (var j = 0; j <= slices; j++)
            holdings[j] = shares * RemainingFraction(kappaTau, slices, j);
        var trades = new double[slices];
        for (var j = 1; j <= slices; j++)
            trades[j - 1] = holdings[j - 1] - holdings[j];

        var expectedCost = parameters.PermanentImpact * shares * shares / 2
            + parameters.FixedCost * trades.Sum(Math.Abs)
            + etaTilde / tau * trades.Sum(n => n * n);
        var variance = parameters.Volatility * parameters.Volatility * tau * holdings.Skip(1).Sum(x => x * x);
        return new AlmgrenChrissTrajectory(kappaTau / tau, holdings, trades, expectedCost, variance);
    }

    /// <summary>x_j / X = sinh(κτ(N − j)) / sinh(κτN); (N − j) / N when κ is 0.</summary>
    private static double RemainingFraction(double kappaTau, int slices, int j)
    {
        if (kappaTau == 0)
            return (double)(slices - j) / slices;
        var whole = kappaTau * slices;
        var left = kappaTau * (slices - j);
        if (whole <= LargeKappaT)
            return Math.Sinh(left) / Math.Sinh(whole);
        // sinh(a) / sinh(b) = e^(a − b) (1 − e^(−2a)) / (1 − e^(−2b)), finite for any a ≤ b.
        return Math.Exp(left - whole) * (1 - Math.Exp(-2 * left)) / (1 - Math.Exp(-2 * whole));
    }
}

/// <summary>An Almgren-Chriss trajectory.</summary>
/// <param name="Kappa">κ, per day: the urgency; 1/κ is the trade's half-life scale.</param>
/// <param name="Holdings">x_0 = X … x_N = 0: the shares still to trade after each slice.</param>
/// <param name="Trades">n_1 … n_N: the shares traded in each slice.</param>
/// <param name="ExpectedCost">E: the expected cost (implementation shortfall), in price units.</param>
/// <param name="Variance">V: the variance of the cost, in price units squared.</param>
public sealed record AlmgrenChrissTrajectory(double Kappa, IReadOnlyList<double> Holdings, IReadOnlyList<double> Trades, double ExpectedCost, double Variance);

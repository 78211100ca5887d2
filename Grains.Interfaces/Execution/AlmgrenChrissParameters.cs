using Meridian.Grains.Domain;

namespace Meridian.Grains.Execution;

/// <summary>
/// The linear market-impact model of Almgren and Chriss (2000), "Optimal execution of portfolio transactions", with
/// time measured in days. Prices are in account currency per share.
/// </summary>
/// <param name="Volatility">σ: standard deviation of the price per √day (price units, not a fraction).</param>
/// <param name="PermanentImpact">γ: permanent price move per share traded.</param>
/// <param name="TemporaryImpact">η: temporary price move per unit trading rate (shares per day).</param>
/// <param name="RiskAversion">λ: the weight of the cost's variance against its mean; 0 is risk-neutral (TWAP).</param>
/// <param name="FixedCost">ε: fixed cost per share traded (half the spread plus fees); it does not change the trajectory.</param>
public sealed record AlmgrenChrissParameters(double Volatility, double PermanentImpact, double TemporaryImpact, double RiskAversion, double FixedCost = 0)
{
    /// <summary>
    /// Every parameter out of range, at once, for slices of <paramref name="sliceDays"/> days: the trajectory needs
    /// η̃ = η − γτ/2 above zero.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(double sliceDays)
    {
        var errors = new List<FieldError>();
        NotNegative(Volatility, "almgren_chriss.volatility", errors);
        NotNegative(PermanentImpact, "almgren_chriss.permanent_impact", errors);
        NotNegative(RiskAversion, "almgren_chriss.risk_aversion", errors);
        NotNegative(FixedCost, "almgren_chriss.fixed_cost", errors);
        if (!double.IsFinite(TemporaryImpact) || TemporaryImpact <= 0)
            errors.Add(new("almgren_chriss.temporary_impact", $"{TemporaryImpact} must be above 0"));
        else if (double.IsFinite(PermanentImpact) && TemporaryImpact - PermanentImpact * sliceDays / 2 <= 0)
            errors.Add(new("almgren_chriss.temporary_impact",
                $"η̃ = η − γτ/2 = {TemporaryImpact} − {PermanentImpact} × {sliceDays} / 2 is not above 0; the model needs the temporary " +
                "impact above half the permanent impact of one slice: use more slices or a larger temporary impact"));
        return errors;
    }

    private static void NotNegative(double value, string field, List<FieldError> errors)
    {
        if (!double.IsFinite(value) || value < 0)
            errors.Add(new(field, $"{value} must be a finite number, 0 or more"));
    }
}

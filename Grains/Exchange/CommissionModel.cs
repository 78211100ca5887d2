using Meridian.Grains.Domain;

namespace Meridian.Grains.Exchange;

/// <summary>
/// What the simulated exchange charges per fill: <c>max(Minimum, PerShare × qty + BasisPoints / 10000 × notional)</c>,
/// rounded to cents (midpoint away from zero). The minimum applies to every fill, so each partial fill pays at least it.
/// </summary>
/// <param name="PerShare">Dollars per unit filled.</param>
/// <param name="BasisPoints">Basis points (1/10000) of the fill's notional (price × qty).</param>
/// <param name="Minimum">The least a fill costs; with both rates zero it is a flat fee per fill.</param>
public sealed record CommissionModel(decimal PerShare = 0m, decimal BasisPoints = 0m, decimal Minimum = 0m)
{
    /// <summary>No commission (Alpaca's equity pricing).</summary>
    public static CommissionModel Free { get; } = new();

    /// <summary>The commission on one fill of <paramref name="quantity"/> at <paramref name="price"/>.</summary>
    public Money For(Quantity quantity, Price price)
    {
        var notional = (price * quantity).Amount;
        var charged = Math.Max(Minimum, PerShare * quantity.Value + BasisPoints / 10_000m * notional);
        return Money.Of(Math.Round(charged, 2, MidpointRounding.AwayFromZero));
    }

    internal IEnumerable<FieldError> Validate()
    {
        if (PerShare < 0m)
            yield return new("commission.per_share", $"{PerShare} is negative; use 0 for none");
        if (BasisPoints < 0m)
            yield return new("commission.basis_points", $"{BasisPoints} is negative; use 0 for none");
        if (Minimum < 0m)
            yield return new("commission.minimum", $"{Minimum} is negative; use 0 for none");
    }
}

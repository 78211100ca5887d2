using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;

namespace Meridian.Grains.Exchange;

/// <summary>
/// How fills trade worse than the bar's prices, and how much of a bar's volume orders may take.
/// One of <see cref="None"/>, <see cref="FixedBpsSlippage"/> or <see cref="VolumeShareSlippage"/>.
/// </summary>
public abstract record SlippageModel
{
    /// <summary>Prices the book computes are rounded to this many decimal places (a 0.0001 tick).</summary>
    public const int PriceDecimals = 4;

    private protected SlippageModel()
    {
    }

    /// <summary>Fills trade at the rule's price, any quantity.</summary>
    public static SlippageModel None { get; } = new NoSlippage();

    /// <summary>How many units all orders together may fill in <paramref name="bar"/>, or null for no limit.</summary>
    internal virtual decimal? Capacity(Bar bar) => null;

    /// <summary>
    /// The price a fill gets, moved against the order from <paramref name="price"/>. <paramref name="volumeShare"/> is the
    /// part of the bar's volume filled in this bar so far, this fill included (0 when the model has no capacity).
    /// </summary>
    internal abstract Price Apply(Price price, Side side, decimal volumeShare);

    internal abstract IEnumerable<FieldError> Validate();

    /// <summary>Buys pay <c>price × (1 + fraction)</c>, sells receive <c>price × (1 - fraction)</c>, on a 0.0001 tick.</summary>
    private protected static Price Move(Price price, Side side, decimal fraction)
    {
        var moved = Math.Round(price.Value * (1m + side.Sign() * fraction), PriceDecimals, MidpointRounding.AwayFromZero);
        // A sub-tick price (below 0.0001) cannot round to zero: a price must stay positive.
        return Price.Of(Math.Max(moved, 0.0001m));
    }
}

/// <summary>No slippage: fills at the rule's price, unlimited quantity.</summary>
public sealed record NoSlippage : SlippageModel
{
    internal override Price Apply(Price price, Side side, decimal volumeShare) => price;

    internal override IEnumerable<FieldError> Validate() => [];
}

/// <summary>A fixed cost in basis points: buys pay <c>price × (1 + Bps/10000)</c>, sells receive <c>price × (1 − Bps/10000)</c>, rounded to 4 dp.</summary>
/// <param name="Bps">Basis points, at least 0 and below 10000.</param>
public sealed record FixedBpsSlippage(decimal Bps) : SlippageModel
{
    internal override Price Apply(Price price, Side side, decimal volumeShare) => Move(price, side, Bps / 10_000m);

    internal override IEnumerable<FieldError> Validate()
    {
        if (Bps is < 0m or >= 10_000m)
            yield return new("slippage.bps", $"{Bps} must be at least 0 and below 10000");
    }
}

/// <summary>
/// Zipline's volume-share model: all orders together fill at most <see cref="ParticipationCap"/> × the bar's volume
/// (the rest waits for later bars), and a fill's price moves against it by
/// <c>price × ImpactCoefficient × share²</c>, where share is the part of the bar's volume filled so far in that bar.
/// </summary>
/// <param name="ParticipationCap">Greater than 0, at most 1. Zipline's default is 0.025.</param>
/// <param name="ImpactCoefficient">At least 0, below 1. Zipline's default is 0.1.</param>
public sealed record VolumeShareSlippage(decimal ParticipationCap = 0.025m, decimal ImpactCoefficient = 0.1m) : SlippageModel
{
    internal override decimal? Capacity(Bar bar) => ParticipationCap * bar.Volume;

    internal override Price Apply(Price price, Side side, decimal volumeShare) => Move(price, side, ImpactCoefficient * volumeShare * volumeShare);

    internal override IEnumerable<FieldError> Validate()
    {
        if (ParticipationCap is <= 0m or > 1m)
            yield return new("slippage.participation_cap", $"{ParticipationCap} must be above 0 and at most 1");
        // Below 1 so that a sell's price (times 1 − impact × share², share ≤ 1) stays positive.
        if (ImpactCoefficient is < 0m or >= 1m)
            yield return new("slippage.impact_coefficient", $"{ImpactCoefficient} must be at least 0 and below 1");
    }
}

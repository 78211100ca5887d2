using Meridian.Grains.Domain;

namespace Meridian.Grains.Strategies.Construction;

/// <summary>How <see cref="SignalConstruction"/> turns a cross-section of scores into weights.</summary>
public enum SignalWeighting
{
    /// <summary>Every selected name of a side weighs the same.</summary>
    Equal,

    /// <summary>A selected name weighs in proportion to |score − the cross-sectional median score|: its edge over the typical name.</summary>
    Score,
}

/// <summary>
/// The settings of <see cref="SignalConstruction"/>. Weights are fractions of equity, signed (short negative); gross
/// exposure is the sum of their absolute values. <see cref="Validate"/> reports every violation at once.
/// </summary>
public sealed record SignalConstructionOptions
{
    /// <summary>How many names to hold long: the highest scores, ties broken by symbol (ordinal) (construction.top_n).</summary>
    public int TopN { get; init; } = 5;

    /// <summary>How many names to hold short: the lowest scores, ties broken by symbol; 0 is long-only (construction.bottom_n).</summary>
    public int BottomN { get; init; }

    /// <summary>Equal weights, or weights by score (construction.weighting).</summary>
    public SignalWeighting Weighting { get; init; } = SignalWeighting.Equal;

    /// <summary>True: each base weight is divided by the name's volatility before the side is renormalized (construction.volatility_scaling).</summary>
    public bool VolatilityScaling { get; init; }

    /// <summary>Largest |weight| of one name, or null for no cap (construction.max_weight).</summary>
    public double? MaxWeight { get; init; }

    /// <summary>
    /// The sum of |weight| aimed at (construction.gross_exposure): 1 is fully invested long-only, 2 is 100/100
    /// long-short. Long-only, the long side gets all of it; long-short, each side gets half.
    /// </summary>
    public double GrossExposure { get; init; } = 1.0;

    /// <summary>Largest Σ|w_new − w_current| of one rebalance, or null for no limit (construction.turnover_limit).</summary>
    public double? TurnoverLimit { get; init; }

    /// <summary>
    /// Fractional Kelly cap f: |weight| ≤ f × |score| / volatility², reading the score as the expected return over the
    /// rebalance horizon and the volatility as the return's standard deviation over the same horizon; 0 is off
    /// (construction.kelly_fraction).
    /// </summary>
    public double KellyFraction { get; init; }

    /// <summary>Five names long, equal weights, fully invested, no cap, no turnover limit.</summary>
    public static SignalConstructionOptions Default { get; } = new();

    /// <summary>True when a name needs a positive volatility to be sized: volatility scaling or the Kelly cap is on.</summary>
    internal bool NeedsVolatility => VolatilityScaling || KellyFraction > 0;

    /// <summary>Every setting that is out of range, at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (TopN < 1)
            errors.Add(new("top_n", $"{TopN} must be at least 1 (the number of names held long)"));
        if (BottomN < 0)
            errors.Add(new("bottom_n", $"{BottomN} must be 0 (long-only) or more"));
        if (!Enum.IsDefined(Weighting))
            errors.Add(new("weighting", $"{Weighting} is not a weighting; use equal or score"));
        if (!double.IsFinite(GrossExposure) || GrossExposure <= 0 || GrossExposure > 10)
            errors.Add(new("gross_exposure", $"{GrossExposure} must be above 0 and at most 10 (1 = fully invested long-only, 2 = 100/100 long-short)"));
        if (MaxWeight is { } maxWeight && (!double.IsFinite(maxWeight) || maxWeight <= 0))
            errors.Add(new("max_weight", $"{maxWeight} must be above 0 (0.1 = 10% of equity); leave it out for no cap"));
        if (TurnoverLimit is { } turnover && (!double.IsFinite(turnover) || turnover <= 0))
            errors.Add(new("turnover_limit", $"{turnover} must be above 0 (0.5 = half of equity traded per rebalance); leave it out for no limit"));
        if (!double.IsFinite(KellyFraction) || KellyFraction is < 0 or > 1)
            errors.Add(new("kelly_fraction", $"{KellyFraction} must be between 0 (off) and 1 (full Kelly)"));
        return errors;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> listing every violation, or returns the options.</summary>
    public SignalConstructionOptions EnsureValid() =>
        Validate() is { Count: > 0 } errors ? throw new InvalidInputException("signal construction options", errors) : this;
}

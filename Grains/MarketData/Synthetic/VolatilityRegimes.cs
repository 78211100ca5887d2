using Meridian.Grains.Domain;

namespace Meridian.Grains.MarketData.Synthetic;

/// <summary>The state of the whole synthetic market's volatility on a trading day.</summary>
public enum VolatilityRegime
{
    Calm,
    Normal,
    Stressed,
}

/// <summary>The probabilities of tomorrow's regime given today's; they sum to 1.</summary>
public sealed record RegimeTransitions(double ToCalm, double ToNormal, double ToStressed);

/// <summary>One trading day's regime, as <see cref="SyntheticMarket.Regimes"/> reports it.</summary>
public sealed record RegimeDay(DateOnly Date, VolatilityRegime Regime);

/// <summary>
/// A three-state Markov chain of volatility shared by every symbol: the regime of each trading day after the first is
/// drawn from the row of the day before, and multiplies every symbol's volatility (market, sector and own) that day.
/// A two-state chain is this one with a state never entered (its column zero and not the initial state). Defaults:
/// calm and normal spells last 50 trading days on average, stressed ones 20; in the long run 29% of days are calm,
/// 59% normal and 12% stressed.
/// </summary>
public sealed record VolatilityRegimes
{
    public static VolatilityRegimes Default { get; } = new();

    /// <summary>The regime of the first trading day.</summary>
    public VolatilityRegime Initial { get; init; } = VolatilityRegime.Normal;

    /// <summary>Volatility multiplier of calm days.</summary>
    public double CalmMultiplier { get; init; } = 0.7;

    /// <summary>Volatility multiplier of normal days.</summary>
    public double NormalMultiplier { get; init; } = 1.0;

    /// <summary>Volatility multiplier of stressed days.</summary>
    public double StressedMultiplier { get; init; } = 2.0;

    public RegimeTransitions FromCalm { get; init; } = new(0.98, 0.02, 0.0);

    public RegimeTransitions FromNormal { get; init; } = new(0.01, 0.98, 0.01);

    public RegimeTransitions FromStressed { get; init; } = new(0.0, 0.05, 0.95);

    /// <summary>The multiplier of <paramref name="regime"/>.</summary>
    public double MultiplierOf(VolatilityRegime regime) => regime switch
    {
        VolatilityRegime.Calm => CalmMultiplier,
        VolatilityRegime.Normal => NormalMultiplier,
        _ => StressedMultiplier,
    };

    /// <summary>The row of transition probabilities out of <paramref name="regime"/>.</summary>
    public RegimeTransitions From(VolatilityRegime regime) => regime switch
    {
        VolatilityRegime.Calm => FromCalm,
        VolatilityRegime.Normal => FromNormal,
        _ => FromStressed,
    };

    /// <summary>Every setting that is wrong, field names prefixed with <paramref name="prefix"/>.</summary>
    public IEnumerable<FieldError> Validate(string prefix)
    {
        if (!Enum.IsDefined(Initial))
            yield return new($"{prefix}.initial", $"{(int)Initial} is not calm, normal or stressed");
        foreach (var (name, value) in new[] { ("calm_multiplier", CalmMultiplier), ("normal_multiplier", NormalMultiplier), ("stressed_multiplier", StressedMultiplier) })
        {
            if (!double.IsFinite(value) || value <= 0 || value > 10)
                yield return new($"{prefix}.{name}", $"{value} must be above 0 and at most 10 (a multiplier of volatility)");
        }
        foreach (var (name, row) in new[] { ("from_calm", FromCalm), ("from_normal", FromNormal), ("from_stressed", FromStressed) })
        {
            if (row is null)
            {
                yield return new($"{prefix}.{name}", "is missing");
                continue;
            }
            double[] probabilities = [row.ToCalm, row.ToNormal, row.ToStressed];
            if (probabilities.Any(p => !double.IsFinite(p) || p < 0 || p > 1))
                yield return new($"{prefix}.{name}", $"({row.ToCalm}, {row.ToNormal}, {row.ToStressed}) must all be probabilities between 0 and 1");
            else if (Math.Abs(probabilities.Sum() - 1.0) > 1e-9)
                yield return new($"{prefix}.{name}", $"({row.ToCalm}, {row.ToNormal}, {row.ToStressed}) sum to {Math.Round(probabilities.Sum(), 9)}, not 1");
        }
    }

    /// <summary>Tomorrow's regime for a uniform draw <paramref name="u"/> in [0, 1): the first state whose cumulative
    /// probability exceeds u, or the last state that can be entered at all if rounding leaves u above every sum.</summary>
    internal VolatilityRegime Next(VolatilityRegime today, double u)
    {
        var row = From(today);
        if (u < row.ToCalm)
            return VolatilityRegime.Calm;
        if (u < row.ToCalm + row.ToNormal)
            return VolatilityRegime.Normal;
        if (row.ToStressed > 0)
            return VolatilityRegime.Stressed;
        return row.ToNormal > 0 ? VolatilityRegime.Normal : VolatilityRegime.Calm;
    }
}

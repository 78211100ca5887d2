using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// The rules of the quality gate, each with the reason it gives. When a bar breaks several, it is quarantined under
/// the first in this order and its reason names the others (docs/data-quality.md has each rule exactly).
/// </summary>
public enum QualityRule
{
    /// <summary>Low above open or close, or high below them, or low above high: low &lt;= open, close &lt;= high must hold.</summary>
    OhlcInconsistent,

    /// <summary>An open, high, low or close of zero or less.</summary>
    NonPositivePrice,

    /// <summary>A volume below zero.</summary>
    NegativeVolume,

    /// <summary>A bar whose time another bar also has: identical copies keep the first, conflicting ones keep none.</summary>
    DuplicateTime,

    /// <summary>A bar earlier than the latest in-order bar before it in the file.</summary>
    OutOfOrderTime,

    /// <summary>A close-to-close return (split-adjusted) larger in size than <see cref="QualityRules.MaxAbsoluteReturn"/>
    /// from the last accepted bar, not confirmed by the bar after it.</summary>
    OutlierReturn,
}

/// <summary>What the gate checks and how strictly.</summary>
public sealed record QualityRules
{
    /// <summary>Defaults: returns beyond ±50% in one bar are outliers; missing sessions are reported.</summary>
    public static QualityRules Default { get; } = new();

    /// <summary>The largest close-to-close return, in size, that is not an outlier (0.5 = 50%).</summary>
    public decimal MaxAbsoluteReturn { get; init; } = 0.5m;

    /// <summary>Whether sessions with no bar (on the exchange calendar) are reported.</summary>
    public bool ReportMissingSessions { get; init; } = true;

    /// <summary>Every setting that is wrong (empty when valid).</summary>
    public IReadOnlyList<FieldError> Validate() =>
        MaxAbsoluteReturn <= 0m ? [new FieldError("max_abs_return", $"{MaxAbsoluteReturn} must be greater than zero")] : [];

    /// <summary>Throws <see cref="InvalidInputException"/> listing every violation, or returns the rules.</summary>
    public QualityRules EnsureValid() =>
        Validate() is { Count: > 0 } errors ? throw new InvalidInputException("quality rules", errors) : this;
}

/// <summary>A bar the gate kept out, with the rule it broke and a sentence naming the values.</summary>
public sealed record QuarantinedBar(SourceBar Bar, QualityRule Rule, string Reason);

/// <summary>A session of the exchange calendar with no bar: <paramref name="Start"/> is when its (first missing) bar would have opened.</summary>
public sealed record MissingSession(DateTimeOffset Start, string Reason);

/// <summary>
/// An accepted bar whose return from the last accepted bar is beyond <see cref="QualityRules.MaxAbsoluteReturn"/>, kept
/// because the bar after it stays at the new level: a warning for a person to look at, not a quarantine.
/// </summary>
public sealed record LevelShift(SourceBar Bar, decimal Return, string Reason);

/// <summary>What the gate decided: bars accepted (in time order), bars quarantined (in file order), sessions missing.</summary>
public sealed record QualityResult(
    Symbol Symbol,
    IReadOnlyList<SourceBar> Accepted,
    IReadOnlyList<QuarantinedBar> Quarantined,
    IReadOnlyList<MissingSession> MissingSessions)
{
    /// <summary>Accepted bars that jump beyond the outlier limit to a level the next bar confirms, in time order.</summary>
    public IReadOnlyList<LevelShift> LevelShifts { get; init; } = [];
}

/// <summary>The quality gate (implementation in QualityGate.cs): every bar is accepted or quarantined with its reason, never dropped.</summary>
public interface IQualityGate
{
    /// <summary>Checks one symbol's bars of one period; <paramref name="actions"/> explain split-day returns.</summary>
    QualityResult Check(Symbol symbol, TimeSpan period, IReadOnlyList<SourceBar> bars, IReadOnlyList<CorporateAction> actions);
}

using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// Checks one symbol's bars as a file gave them. Every bar ends up accepted or quarantined with its rule and a
/// sentence naming file, line and values; nothing is dropped or kept silently. The rules run in the order of
/// <see cref="QualityRule"/>: the per-bar rules (<see cref="PriceRules"/>), then <see cref="DuplicateTimes"/>,
/// <see cref="TimeOrder"/> and <see cref="OutlierReturns"/> on the bars still clean; then
/// <see cref="MissingSessions"/> on the accepted bars. docs/data-quality.md states each rule with examples.
/// </summary>
public sealed class QualityGate(QualityRules rules) : IQualityGate
{
    /// <summary>The rules in force; throws <see cref="InvalidInputException"/> at construction when they are invalid.</summary>
    public QualityRules Rules { get; } = (rules ?? throw new ArgumentNullException(nameof(rules))).EnsureValid();

    /// <inheritdoc />
    public QualityResult Check(Symbol symbol, TimeSpan period, IReadOnlyList<SourceBar> bars, IReadOnlyList<CorporateAction> actions)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var splits = new SplitAdjustment(symbol, actions);
        var verdicts = new BarVerdicts(bars);
        PriceRules.Check(verdicts);
        DuplicateTimes.Check(verdicts);
        TimeOrder.Check(verdicts);
        var shifts = OutlierReturns.Check(verdicts, splits, Rules.MaxAbsoluteReturn);
        var accepted = verdicts.Accepted();
        var quarantined = verdicts.Quarantined();
        var missing = Rules.ReportMissingSessions ? MissingSessions.Find(symbol, period, accepted, quarantined) : [];
        return new QualityResult(symbol, accepted, quarantined, missing) { LevelShifts = shifts };
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.Tests.MarketData.Import;

/// <summary>
/// A stand-in for the quality gate: accepts bars in time order, quarantines a close of zero or less and a second bar
/// at a time already seen, reports the missing sessions it is given, and remembers what it was asked.
/// </summary>
internal sealed class FakeQualityGate : IQualityGate
{
    public IReadOnlyList<MissingSession> Missing { get; init; } = [];

    public List<(Symbol Symbol, TimeSpan Period, IReadOnlyList<CorporateAction> Actions)> Calls { get; } = [];

    public QualityResult Check(Symbol symbol, TimeSpan period, IReadOnlyList<SourceBar> bars, IReadOnlyList<CorporateAction> actions)
    {
        Calls.Add((symbol, period, actions));
        var accepted = new List<SourceBar>();
        var quarantined = new List<QuarantinedBar>();
        foreach (var bar in bars.OrderBy(b => b.Time))
        {
            if (bar.Close <= 0m)
                quarantined.Add(new QuarantinedBar(bar, QualityRule.NonPositivePrice, $"close {bar.Close} is not positive"));
            else if (accepted.Count > 0 && accepted[^1].Time == bar.Time)
                quarantined.Add(new QuarantinedBar(bar, QualityRule.DuplicateTime, "a bar at this time came before"));
            else
                accepted.Add(bar);
        }
        return new QualityResult(symbol, accepted, quarantined, Missing);
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

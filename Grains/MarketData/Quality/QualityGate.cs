using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.MarketData.Quality;

/// <summary>CONTRACT STUB, replaced by the quality-gate implementation before anything uses it.</summary>
public sealed class QualityGate(QualityRules rules) : IQualityGate
{
    public QualityRules Rules { get; } = rules;

    /// <inheritdoc />
    public QualityResult Check(Symbol symbol, TimeSpan period, IReadOnlyList<SourceBar> bars, IReadOnlyList<CorporateAction> actions) =>
        throw new NotImplementedException("contract stub");
}

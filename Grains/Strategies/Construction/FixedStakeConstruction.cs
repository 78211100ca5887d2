using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Strategies.Construction;

/// <summary>
/// Long-only, a fixed number of shares: Up with nothing held or working targets <c>stake</c> shares; Down or Flat
/// with something held or working targets zero. Anything else leaves the symbol as it is.
/// </summary>
public sealed class FixedStakeConstruction(decimal stake) : IPortfolioConstructionModel
{
    /// <inheritdoc />
    public IReadOnlyList<PortfolioTarget> CreateTargets(IReadOnlyList<Insight> insights, PortfolioHoldings holdings)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(holdings);
        var targets = new List<PortfolioTarget>();
        foreach (var insight in insights)
        {
            var expected = holdings.ExpectedQuantity(insight.Symbol);
            if (insight.Direction == InsightDirection.Up && expected == 0m)
                targets.Add(new PortfolioTarget(insight.Symbol, stake, insight.Price));
            else if (insight.Direction != InsightDirection.Up && expected > 0m)
                targets.Add(new PortfolioTarget(insight.Symbol, 0m, insight.Price));
        }
        return targets;
    }
}

using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Strategies.Construction;

/// <summary>
/// Long-only, equal weights: Up with nothing held or working targets floor(equity x allocation / universe size /
/// price) whole shares; Down or Flat with something held targets zero. An allocation below 1 keeps cash for the
/// gap between the close the order is sized at and the open it fills at.
/// </summary>
public sealed class EqualWeightConstruction(int universeSize, decimal allocation) : IPortfolioConstructionModel
{
    /// <inheritdoc />
    public IReadOnlyList<PortfolioTarget> CreateTargets(IReadOnlyList<Insight> insights, PortfolioHoldings holdings)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(holdings);
        var targets = new List<PortfolioTarget>();
        var budget = holdings.Equity.Amount * allocation / universeSize;
        foreach (var insight in insights)
        {
            var expected = holdings.ExpectedQuantity(insight.Symbol);
            if (insight.Direction == InsightDirection.Up && expected == 0m)
            {
                var shares = decimal.Floor(budget / insight.Price.Value);
                if (shares > 0m)
                    targets.Add(new PortfolioTarget(insight.Symbol, shares, insight.Price));
            }
            else if (insight.Direction != InsightDirection.Up && expected > 0m)
                targets.Add(new PortfolioTarget(insight.Symbol, 0m, insight.Price));
        }
        return targets;
    }
}

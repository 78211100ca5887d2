using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Strategies.RiskManagement;

/// <summary>
/// Caps each target at <c>maxWeight</c> of equity: |quantity| x price &lt;= maxWeight x equity, rounded down to
/// whole shares toward zero.
/// </summary>
public sealed class MaximumWeightRiskManagement(decimal maxWeight) : IRiskManagementModel
{
    /// <inheritdoc />
    public IReadOnlyList<PortfolioTarget> ManageRisk(IReadOnlyList<PortfolioTarget> targets, PortfolioHoldings holdings)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(holdings);
        var cap = maxWeight * holdings.Equity.Amount;
        var managed = new List<PortfolioTarget>(targets.Count);
        foreach (var target in targets)
        {
            var limit = decimal.Floor(cap / target.Price.Value);
            managed.Add(Math.Abs(target.Quantity) <= limit ? target : target with { Quantity = Math.Sign(target.Quantity) * limit });
        }
        return managed;
    }
}

using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Strategies.RiskManagement;

/// <summary>Passes targets through: the portfolio's pre-trade risk gate is the only check.</summary>
public sealed class NoRiskManagement : IRiskManagementModel
{
    /// <inheritdoc />
    public IReadOnlyList<PortfolioTarget> ManageRisk(IReadOnlyList<PortfolioTarget> targets, PortfolioHoldings holdings) => targets;
}

using Meridian.Grains.MarketData;
using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Strategies;

/// <summary>One strategy's four steps, composed. Pure: the Strategy grain feeds it slices and holdings and places its orders.</summary>
public sealed class StrategyPipeline(IAlphaModel alpha, IPortfolioConstructionModel construction, IRiskManagementModel risk, IExecutionModel execution)
{
    /// <summary>The insights the slice's bars give, in the slice's order.</summary>
    public List<Insight> Insights(BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var insights = new List<Insight>();
        foreach (var bar in slice.Bars)
            alpha.Update(bar, insights);
        return insights;
    }

    /// <summary>The orders that take the portfolio from <paramref name="holdings"/> to what the insights call for.</summary>
    public IReadOnlyList<OrderIntent> Orders(IReadOnlyList<Insight> insights, PortfolioHoldings holdings)
    {
        var targets = construction.CreateTargets(insights, holdings);
        return execution.Execute(risk.ManageRisk(targets, holdings), holdings);
    }
}

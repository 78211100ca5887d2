using Meridian.Grains.MarketData;
using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Strategies;

// A strategy is a pipeline of four small steps, each swappable on its own (QuantConnect LEAN's Algorithm Framework):
// alpha -> portfolio construction -> risk management -> execution. Each hands plain data to the next.

/// <summary>Turns bars into insights. Called with every bar, in time order; keeps what it needs of the past itself.</summary>
public interface IAlphaModel
{
    /// <summary>Takes in <paramref name="bar"/> and adds the insights it gives to <paramref name="insights"/>.</summary>
    void Update(Bar bar, List<Insight> insights);
}

/// <summary>Turns insights into target quantities, given what the portfolio holds and has working.</summary>
public interface IPortfolioConstructionModel
{
    IReadOnlyList<PortfolioTarget> CreateTargets(IReadOnlyList<Insight> insights, PortfolioHoldings holdings);
}

/// <summary>Trims targets the strategy's own risk rules do not allow (the portfolio's risk gate checks every order after this).</summary>
public interface IRiskManagementModel
{
    IReadOnlyList<PortfolioTarget> ManageRisk(IReadOnlyList<PortfolioTarget> targets, PortfolioHoldings holdings);
}

/// <summary>Turns targets into orders: what must trade to get from held plus working to the target.</summary>
public interface IExecutionModel
{
    IReadOnlyList<OrderIntent> Execute(IReadOnlyList<PortfolioTarget> targets, PortfolioHoldings holdings);
}

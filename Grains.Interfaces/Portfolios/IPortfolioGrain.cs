using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Grains.Positions;
using Meridian.Grains.Risk;
using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Grains.Portfolios;

/// <summary>
/// A portfolio, keyed by its id: cash, positions, P&amp;L and the kill switch, and the pre-trade risk gate every one of
/// its orders passes. All submissions for the portfolio go through here, so the check sees one consistent state.
/// </summary>
public interface IPortfolioGrain : IGrainWithStringKey
{
    /// <summary>Creates the portfolio with its starting cash and limits; throws <see cref="InvalidInputException"/> on bad settings and <see cref="InvalidOperationException"/> when it already exists.</summary>
    Task<PortfolioSnapshot> OpenAsync(PortfolioSettings settings);

    /// <summary>
    /// Checks the order against the risk limits and the trading state, then records it with its Order grain: sent to
    /// the broker when approved, recorded as denied (with the coded reason) when not. The same client order id with the
    /// same request returns the existing order; with a different request it throws <see cref="OrderConflictException"/>.
    /// A malformed request throws <see cref="InvalidInputException"/> naming every field at fault.
    /// </summary>
    Task<OrderSnapshot> SubmitOrderAsync(OrderRequest request);

    /// <summary>Starts watching the last prices of <paramref name="symbols"/> (a strategy's universe), so marks and the daily equity come in before the first order.</summary>
    Task WatchAsync(IReadOnlyList<Symbol> symbols);

    /// <summary>Cancels an open order of this portfolio (allowed whatever the trading state).</summary>
    Task<OrderSnapshot> CancelOrderAsync(string clientOrderId, string? reason = null);

    /// <summary>Replaces an open order: the new order passes the risk gate as if the old one were gone, and the two are linked both ways.</summary>
    Task<OrderSnapshot> ReplaceOrderAsync(string clientOrderId, OrderReplacement replacement);

    /// <summary>The account now.</summary>
    [ReadOnly]
    Task<PortfolioSnapshot> GetAsync();

    /// <summary>Cash, equity, positions and what open orders still have working, per symbol: what a strategy sizes orders from.</summary>
    [ReadOnly]
    Task<PortfolioHoldings> GetHoldingsAsync();

    /// <summary>The orders counted as open.</summary>
    [ReadOnly]
    Task<IReadOnlyList<OpenOrder>> GetOpenOrdersAsync();

    /// <summary>The limits in force.</summary>
    [ReadOnly]
    Task<RiskLimits> GetRiskLimitsAsync();

    /// <summary>Replaces the limits (an admin action); invalid limits throw <see cref="InvalidInputException"/> listing every violation and change nothing.</summary>
    Task SetRiskLimitsAsync(RiskLimits limits, string changedBy);

    /// <summary>The kill switch: ACTIVE, HALTED (new orders denied, cancels allowed) or REDUCING (only exposure-reducing orders).</summary>
    Task SetTradingStateAsync(TradingState tradingState, string reason);

    /// <summary>Cancels every open order and submits a market order closing every position; returns the closing orders.</summary>
    Task<IReadOnlyList<OrderSnapshot>> LiquidateAsync(string reason);

    /// <summary>Portfolio-level events (kill switch, breaches, limit changes), oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PortfolioEvent>> GetEventsAsync();

    /// <summary>Equity after each change of equity (fill or mark), oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<EquityPoint>> GetEquityCurveAsync();

    /// <summary>Statistics of the equity curve and the closed trades.</summary>
    [ReadOnly]
    Task<PortfolioStatistics> GetStatisticsAsync();

    /// <summary>An Order grain's report of a status change or fill (the order does not wait).</summary>
    [OneWay]
    Task OnOrderUpdateAsync(OrderUpdate update);

    /// <summary>A new last price for a symbol the portfolio watches (the price view does not wait).</summary>
    [OneWay]
    Task OnPriceAsync(LastPrice price);

    /// <summary>The closed position cycles of every symbol, in closing order: the portfolio's round-trip trades.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PositionCycle>> GetClosedTradesAsync();
}

using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;

namespace Meridian.Gateway.Api.Wire;

/// <summary>A position with its mark (last price, market value and unrealized P&amp;L are absent before any price).</summary>
public sealed record PositionWire(
    Symbol Symbol,
    decimal Qty,
    Side? Side,
    Price? AvgEntryPrice,
    Price? LastPrice,
    Money? MarketValue,
    Money? UnrealizedPl,
    Money RealizedPl,
    Money Fees,
    int FillCount,
    DateTimeOffset? OpenedAt)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static PositionWire Of(PositionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var p = view.Position;
        return new PositionWire(p.Symbol, p.Quantity, p.Quantity > 0m ? Grains.Domain.Side.Buy : p.Quantity < 0m ? Grains.Domain.Side.Sell : null,
            p.AverageEntryPrice, view.LastPrice, view.MarketValue, view.UnrealizedPnl, p.RealizedPnl, p.Fees, p.FillCount, p.OpenedAt);
    }
}

/// <summary>A portfolio's account now: cash, equity, P&amp;L, exposures, drawdown, the trading state and open positions.</summary>
public sealed record PortfolioView(
    string Id,
    Money Cash,
    Money Equity,
    Money BuyingPower,
    Money GrossExposure,
    Money NetExposure,
    Money RealizedPl,
    Money UnrealizedPl,
    Money Fees,
    Money DayPl,
    Money HighWaterMark,
    decimal Drawdown,
    TradingState TradingState,
    string? TradingStateReason,
    int OpenOrderCount,
    IReadOnlyList<PositionWire> Positions,
    DateTimeOffset AsOf)
{
    /// <summary>The wire form of <paramref name="p"/>; flat positions are left out.</summary>
    public static PortfolioView Of(PortfolioSnapshot p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PortfolioView(p.PortfolioId, p.Cash, p.Equity, p.BuyingPower, p.GrossExposure, p.NetExposure, p.RealizedPnl, p.UnrealizedPnl,
            p.Fees, p.DayPnl, p.HighWaterMark, p.Drawdown, p.TradingState, p.TradingStateReason, p.OpenOrderCount,
            [.. p.Positions.Where(v => !v.Position.IsFlat).Select(PositionWire.Of)], p.AsOf);
    }
}

/// <summary>POST /v1/portfolios: a new portfolio with its starting cash and, optionally, its risk limits.</summary>
public sealed record OpenPortfolioBody(string? Id, decimal? StartingCash, RiskLimitsWire? RiskLimits = null);

/// <summary>
/// A portfolio's risk limits on the wire (each is explained in docs/trading.md); an absent limit is not enforced.
/// PUT replaces all of them: a limit left out is removed.
/// </summary>
public sealed record RiskLimitsWire(
    decimal? MaxOrderQuantity = null,
    decimal? MaxOrderNotional = null,
    decimal? MaxPositionNotional = null,
    decimal? MaxGrossExposure = null,
    decimal? MaxNetExposure = null,
    decimal? MaxConcentration = null,
    int? MaxOpenOrders = null,
    int? MaxOrdersPerSecond = null,
    bool? AllowShortSelling = null,
    decimal? PriceCollar = null,
    decimal? DailyLossLimit = null,
    decimal? MaxDrawdown = null,
    decimal? MarginMultiplier = null)
{
    /// <summary>The domain's limits (validated by the portfolio, which names every violation).</summary>
    public RiskLimits ToLimits() => new()
    {
        MaxOrderQuantity = MaxOrderQuantity,
        MaxOrderNotional = MaxOrderNotional,
        MaxPositionNotional = MaxPositionNotional,
        MaxGrossExposure = MaxGrossExposure,
        MaxNetExposure = MaxNetExposure,
        MaxConcentration = MaxConcentration,
        MaxOpenOrders = MaxOpenOrders,
        MaxOrdersPerSecond = MaxOrdersPerSecond,
        AllowShortSelling = AllowShortSelling ?? false,
        PriceCollar = PriceCollar,
        DailyLossLimit = DailyLossLimit,
        MaxDrawdown = MaxDrawdown,
        MarginMultiplier = MarginMultiplier ?? 1m,
    };

    /// <summary>The wire form of <paramref name="limits"/>.</summary>
    public static RiskLimitsWire Of(RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new(limits.MaxOrderQuantity, limits.MaxOrderNotional, limits.MaxPositionNotional, limits.MaxGrossExposure, limits.MaxNetExposure,
            limits.MaxConcentration, limits.MaxOpenOrders, limits.MaxOrdersPerSecond, limits.AllowShortSelling, limits.PriceCollar,
            limits.DailyLossLimit, limits.MaxDrawdown, limits.MarginMultiplier);
    }
}

/// <summary>PUT /v1/portfolios/{id}/trading_state: the kill switch (active, halted or reducing) and why.</summary>
public sealed record TradingStateBody(string? State, string? Reason);

/// <summary>The trading state now.</summary>
public sealed record TradingStateView(string PortfolioId, TradingState State, string? Reason);

/// <summary>POST /v1/portfolios/{id}/liquidate: why (kept in the portfolio's events and the audit log).</summary>
public sealed record LiquidateBody(string? Reason);

/// <summary>One point of the equity curve.</summary>
public sealed record EquityPointWire(DateTimeOffset Time, Money Equity);

/// <summary>An open order as the risk gate counts it.</summary>
public sealed record OpenOrderWire(string ClientOrderId, Symbol Symbol, Side Side, Quantity RemainingQty, Price? ReferencePrice)
{
    /// <summary>The wire form of <paramref name="order"/>.</summary>
    public static OpenOrderWire Of(OpenOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order.ClientOrderId, order.Symbol, order.Side, order.RemainingQuantity, order.ReferencePrice);
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Risk;

/// <summary>
/// The denials <see cref="PreTradeRiskCheck"/> returns, one per rule: each message names the figures compared and the
/// setting that limits them, so a person can tell what to change. Built only when an order is denied.
/// </summary>
internal static class RiskDenials
{
    public static RiskDenial TradingHalted(OrderRequest order, decimal position, bool liquidation) => new(
        RiskDenialCode.TradingHalted,
        liquidation
            ? $"trading is halted: a liquidation order must reduce the position without flipping it, and {Describe(order)} against {Position(position, order.Symbol)} does not"
            : $"trading is halted: {Describe(order)} denied; only cancels, and liquidation orders that reduce a position, are allowed until an admin resumes trading");

    public static RiskDenial ReducingOnly(OrderRequest order, decimal position) => new(
        RiskDenialCode.ReducingOnly,
        $"the portfolio is reducing only: {Describe(order)} against {Position(position, order.Symbol)} would not reduce it; only an order against a position, for at most its size, is allowed");

    public static RiskDenial SubmitRateExceeded(int recent, int max) => new(
        RiskDenialCode.SubmitRateExceeded,
        $"{recent} orders were submitted in the last second; another would exceed the limit of {max} per second (risk.max_orders_per_second)");

    public static RiskDenial OpenOrdersExceedMax(int open, int max) => new(
        RiskDenialCode.OpenOrdersExceedMax,
        $"{open} orders are open; another would exceed the limit of {max} open orders (risk.max_open_orders)");

    public static RiskDenial QuantityExceedsMaxPerOrder(decimal quantity, decimal max) => new(
        RiskDenialCode.QuantityExceedsMaxPerOrder,
        $"order quantity {Figures.Of(quantity)} exceeds the per-order limit {Figures.Of(max)} (risk.max_order_quantity)");

    public static RiskDenial NoPriceToValueOrder(OrderRequest order) => new(
        RiskDenialCode.NoPriceToValueOrder,
        $"cannot value {Describe(order)}: it has no limit or stop price and no last price has been seen for {order.Symbol}; send a limit order or wait for a price");

    public static RiskDenial PriceOutsideCollar(string which, Price price, Price last, decimal collar) => new(
        RiskDenialCode.PriceOutsideCollar,
        $"{which} price {Figures.Of(price.Value)} is outside the price collar {Figures.Of(last.Value - collar * last.Value)} to {Figures.Of(last.Value + collar * last.Value)} (within {Figures.Of(collar)} of the last price {Figures.Of(last.Value)}, risk.price_collar)");

    public static RiskDenial NotionalExceedsMaxPerOrder(OrderRequest order, decimal price, decimal notional, decimal max) => new(
        RiskDenialCode.NotionalExceedsMaxPerOrder,
        $"order notional {Figures.Of(notional)} exceeds the per-order limit {Figures.Of(max)} (risk.max_order_notional): {Figures.Of(order.Quantity.Value)} {order.Symbol} at {Figures.Of(price)}");

    public static RiskDenial ShortSellingNotAllowed(OrderRequest order, decimal position, decimal openSells) => new(
        RiskDenialCode.ShortSellingNotAllowed,
        $"{Describe(order)} would take the position below zero (position {Figures.Of(position)} - open sells {Figures.Of(openSells)} - {Figures.Of(order.Quantity.Value)} = {Figures.Of(position - openSells - order.Quantity.Value)}) and short selling is not allowed (risk.allow_short_selling)");

    public static RiskDenial EquityNotPositive(OrderRequest order, decimal equity) => new(
        RiskDenialCode.InsufficientBuyingPower,
        $"equity {Figures.Of(equity)} is not positive, so {Describe(order)} may not add exposure; only orders that reduce a position are allowed");

    public static RiskDenial PositionNotionalExceedsMax(OrderRequest order, decimal projected, decimal price, decimal value, decimal max) => new(
        RiskDenialCode.PositionNotionalExceedsMax,
        $"position in {order.Symbol} after this order and open {Side(order.Side)}s would be {Figures.Of(projected)} x {Figures.Of(price)} = {Figures.Of(value)}, above the limit {Figures.Of(max)} (risk.max_position_notional)");

    public static RiskDenial ConcentrationExceedsMax(OrderRequest order, decimal value, decimal equity, decimal max) => new(
        RiskDenialCode.ConcentrationExceedsMax,
        $"position in {order.Symbol} after this order and open {Side(order.Side)}s would be worth {Figures.Of(value)}, above {Figures.Of(max)} of equity {Figures.Of(equity)} = {Figures.Of(max * equity)} (risk.max_concentration)");

    public static RiskDenial GrossExposureExceedsMax(decimal grossAfter, decimal equity, decimal max) => new(
        RiskDenialCode.GrossExposureExceedsMax,
        $"gross exposure after this order would be {Figures.Of(grossAfter)}, above {Figures.Of(max)} x equity {Figures.Of(equity)} = {Figures.Of(max * equity)} (risk.max_gross_exposure)");

    public static RiskDenial NetExposureExceedsMax(decimal netAfter, decimal equity, decimal max) => new(
        RiskDenialCode.NetExposureExceedsMax,
        $"net exposure after this order would be {Figures.Of(netAfter)}; its size exceeds {Figures.Of(max)} x equity {Figures.Of(equity)} = {Figures.Of(max * equity)} (risk.max_net_exposure)");

    public static RiskDenial InsufficientBuyingPower(decimal opening, decimal price, decimal buyingPower, decimal marginMultiplier, IRiskView view) => new(
        RiskDenialCode.InsufficientBuyingPower,
        $"order adds exposure {Figures.Of(opening)} x {Figures.Of(price)} = {Figures.Of(opening * price)}, above buying power {Figures.Of(buyingPower)} = equity {Figures.Of(view.Equity)} x {Figures.Of(marginMultiplier)} (risk.margin_multiplier) - gross exposure {Figures.Of(view.GrossExposure)} - open buys {Figures.Of(view.OpenBuyNotional)}");

    // "buy 150 AAPL", as a person would say it.
    private static string Describe(OrderRequest order) => $"{Side(order.Side)} {Figures.Of(order.Quantity.Value)} {order.Symbol}";

    private static string Side(Side side) => side == Domain.Side.Buy ? "buy" : "sell";

    private static string Position(decimal position, Symbol symbol) =>
        position > 0m ? $"a long position of {Figures.Of(position)} {symbol}"
        : position < 0m ? $"a short position of {Figures.Of(-position)} {symbol}"
        : $"no position in {symbol}";
}

using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Risk;

/// <summary>
/// The pre-trade risk gate: whether one order may be sent, decided from the portfolio's account, its limits and its
/// recent submissions. Pure: it reads and never changes the account. The rules run in a fixed order and the first that
/// fails is the denial; a figure equal to its limit is allowed, only going beyond it denies (docs/risk.md lists them).
/// </summary>
/// <remarks>
/// This is the hot path of every submission, so it reads as guard clauses, allocates nothing when it approves and
/// builds a denial's message only when it denies.
/// </remarks>
public static class PreTradeRiskCheck
{
    /// <summary>
    /// Null when <paramref name="order"/> may be sent, else the first failing rule's coded denial. The request must have
    /// passed <see cref="OrderRequest.Validate"/>. After an approval the caller records the submission in
    /// <paramref name="rate"/>. <paramref name="liquidation"/> marks an admin's closing order: while trading is halted
    /// it is the only kind allowed, and only when it reduces the position.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="rate"/> holds fewer submissions than risk.max_orders_per_second, so it could not tell when the limit is reached.</exception>
    public static RiskDenial? Check(OrderRequest order, IRiskView view, RiskLimits limits, SubmitRateWindow rate, DateTimeOffset now, bool liquidation = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(rate);

        var symbol = order.Symbol;
        var quantity = order.Quantity.Value;
        var position = view.PositionQuantity(symbol);
        var reducing = IsExposureReducing(position, order.Side, quantity);

        // The kill switch overrides every limit.
        if (view.TradingState == TradingState.Halted && !(liquidation && reducing))
            return RiskDenials.TradingHalted(order, position, liquidation);
        if (view.TradingState == TradingState.Reducing && !reducing)
            return RiskDenials.ReducingOnly(order, position);

        // An admin's liquidation closes what is held at the market: the per-order limits exist to stop a runaway
        // strategy, and letting them block the way out (a position larger than max_order_quantity) would defeat the switch.
        if (liquidation && reducing)
            return null;

        // Throttles next: a runaway strategy is stopped before anything is valued.
        if (limits.MaxOrdersPerSecond is { } maxRate)
        {
            if (rate.Capacity < maxRate)
                throw new ArgumentException($"the submit rate window holds {rate.Capacity} submissions but risk.max_orders_per_second is {maxRate}; resize it when the limits change", nameof(rate));
            var recent = rate.CountInWindow(now);
            if (recent >= maxRate)
                return RiskDenials.SubmitRateExceeded(recent, maxRate);
        }
        if (limits.MaxOpenOrders is { } maxOpen && view.OpenOrderCount >= maxOpen)
            return RiskDenials.OpenOrdersExceedMax(view.OpenOrderCount, maxOpen);

        if (limits.MaxOrderQuantity is { } maxQuantity && quantity > maxQuantity)
            return RiskDenials.QuantityExceedsMaxPerOrder(quantity, maxQuantity);

        // Value the order at the price it would trade at: its limit, else its stop, else the market's last price.
        var last = view.LastPrice(symbol);
        if ((order.ReferencePrice ?? last) is not { } valuation)
            return RiskDenials.NoPriceToValueOrder(order);
        var price = valuation.Value;

        // A fat-fingered price: only checkable against a last price.
        if (limits.PriceCollar is { } collar && last is { } lastPrice)
        {
            if (order.LimitPrice is { } limitPrice && OutsideCollar(limitPrice, lastPrice, collar))
                return RiskDenials.PriceOutsideCollar("limit", limitPrice, lastPrice, collar);
            if (order.StopPrice is { } stopPrice && OutsideCollar(stopPrice, lastPrice, collar))
                return RiskDenials.PriceOutsideCollar("stop", stopPrice, lastPrice, collar);
        }

        var notional = quantity * price;
        if (limits.MaxOrderNotional is { } maxNotional && notional > maxNotional)
            return RiskDenials.NotionalExceedsMaxPerOrder(order, price, notional, maxNotional);

        // Open sells count: each alone may fit the position while together they would sell it short.
        if (order.Side == Side.Sell && !limits.AllowShortSelling)
        {
            var openSells = view.OpenQuantity(symbol, Side.Sell);
            if (position - openSells - quantity < 0m)
                return RiskDenials.ShortSellingNotAllowed(order, position, openSells);
        }

        // An order that only shrinks a position adds no exposure; the exposure rules would trap the portfolio in it.
        return reducing ? null : CheckExposure(order, view, limits, position, price);
    }

    /// <summary>
    /// True when the order trades against the position and is at most its size: it can only shrink the position, never
    /// flip it. Nothing reduces a flat position.
    /// </summary>
    internal static bool IsExposureReducing(decimal position, Side side, decimal quantity) =>
        (side == Side.Sell ? position > 0m : position < 0m) && quantity <= Math.Abs(position);

    private static bool OutsideCollar(Price price, Price last, decimal collar) =>
        Math.Abs(price.Value - last.Value) > collar * last.Value;

    // The rules an exposure-increasing order must also pass, in order.
    private static RiskDenial? CheckExposure(OrderRequest order, IRiskView view, RiskLimits limits, decimal position, decimal price)
    {
        var equity = view.Equity;
        if (equity <= 0m)
            return RiskDenials.EquityNotPositive(order, equity);

        var quantity = order.Quantity.Value;
        var sign = order.Side.Sign();

        if (limits.MaxPositionNotional is not null || limits.MaxConcentration is not null)
        {
            // Open orders on the same side count as if filled: each alone may fit while together they would not.
            var projected = Math.Abs(position + sign * (quantity + view.OpenQuantity(order.Symbol, order.Side)));
            var value = projected * price;
            if (limits.MaxPositionNotional is { } maxPosition && value > maxPosition)
                return RiskDenials.PositionNotionalExceedsMax(order, projected, price, value, maxPosition);
            if (limits.MaxConcentration is { } maxConcentration && value > maxConcentration * equity)
                return RiskDenials.ConcentrationExceedsMax(order, value, equity, maxConcentration);
        }

        var positionAfter = position + sign * quantity;
        if (limits.MaxGrossExposure is { } maxGross)
        {
            // The symbol's share of gross exposure changes from |position| to |position after|; a flip can shrink it.
            var grossAfter = view.GrossExposure + (Math.Abs(positionAfter) - Math.Abs(position)) * price;
            if (grossAfter > maxGross * equity)
                return RiskDenials.GrossExposureExceedsMax(grossAfter, equity, maxGross);
        }
        if (limits.MaxNetExposure is { } maxNet)
        {
            var netAfter = view.NetExposure + sign * quantity * price;
            if (Math.Abs(netAfter) > maxNet * equity)
                return RiskDenials.NetExposureExceedsMax(netAfter, equity, maxNet);
        }

        // Buying power = equity x margin multiplier - gross exposure - open buys. In a cash account (multiplier 1) holding
        // only longs, equity - gross is cash, so buying power is cash not yet reserved by open buys. An order uses it for
        // the part that opens exposure: all of it, or for a flip what goes beyond closing the position. The closing part
        // is not credited: the buying power it frees exists only once it fills.
        var buyingPower = equity * limits.MarginMultiplier - view.GrossExposure - view.OpenBuyNotional;
        var flips = position != 0m && Math.Sign(position) != sign;
        var opening = flips ? quantity - Math.Abs(position) : quantity;
        if (opening * price > buyingPower)
            return RiskDenials.InsufficientBuyingPower(opening, price, buyingPower, limits.MarginMultiplier, view);
        return null;
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Gateway.Api.Wire;

/// <summary>The take-profit leg of a bracket, OCO or OTO order.</summary>
public sealed record TakeProfitBody(decimal? LimitPrice);

/// <summary>The stop-loss leg of a bracket, OCO or OTO order.</summary>
public sealed record StopLossBody(decimal? StopPrice, decimal? LimitPrice);

/// <summary>
/// POST /v1/orders: Alpaca's order fields plus the portfolio. Decimals as strings or numbers; enum values in snake_case.
/// Without a client_order_id the gateway makes one (a UUID); with one, sending the same order again is the same order.
/// </summary>
public sealed record SubmitOrderBody(
    string? PortfolioId,
    string? Symbol,
    string? Side,
    decimal? Qty,
    string? Type = null,
    string? TimeInForce = null,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    decimal? TrailPrice = null,
    decimal? TrailPercent = null,
    string? ClientOrderId = null,
    string? OrderClass = null,
    TakeProfitBody? TakeProfit = null,
    StopLossBody? StopLoss = null)
{
    /// <summary>The order request, or <see cref="InvalidInputException"/> naming every field at fault.</summary>
    public OrderRequest ToRequest()
    {
        var fields = new WireFields();
        var id = ClientOrderId ?? Guid.NewGuid().ToString("N");
        var portfolio = fields.Text(PortfolioId, "portfolio_id", 64);
        var symbol = fields.Symbol(Symbol, "symbol");
        var side = fields.Enum<Side>(Side, "side");
        var qty = fields.Quantity(Qty, "qty", required: true);
        var type = fields.Enum<OrderType>(Type, "type", OrderType.Market);
        var tif = fields.Enum<Grains.Domain.TimeInForce>(TimeInForce, "time_in_force", Grains.Domain.TimeInForce.Day);
        var limit = fields.Price(LimitPrice, "limit_price");
        var stop = fields.Price(StopPrice, "stop_price");
        var trail = fields.Price(TrailPrice, "trail_price");
        if (TrailPercent is { } percent && (percent <= 0m || percent >= 100m))
            fields.Add("trail_percent", $"{percent} must be between 0 and 100, exclusive");
        var orderClass = fields.Enum<Grains.Domain.OrderClass>(OrderClass, "order_class", Grains.Domain.OrderClass.Simple);
        var takeProfit = TakeProfit is null ? null : fields.Price(TakeProfit.LimitPrice, "take_profit.limit_price") is { } tp ? new TakeProfitLeg(tp) : null;
        if (TakeProfit is { LimitPrice: null })
            fields.Add("take_profit.limit_price", "is required");
        var stopLoss = StopLoss is null ? null : fields.Price(StopLoss.StopPrice, "stop_loss.stop_price") is { } sp
            ? new StopLossLeg(sp, fields.Price(StopLoss.LimitPrice, "stop_loss.limit_price"))
            : null;
        if (StopLoss is { StopPrice: null })
            fields.Add("stop_loss.stop_price", "is required");
        fields.ThrowIfAny("order");
        return new OrderRequest(id, portfolio, symbol, side, qty!.Value, type, tif, limit, stop, trail, TrailPercent, orderClass, takeProfit, stopLoss).EnsureValid();
    }
}

/// <summary>PATCH /v1/orders/{client_order_id}: what to change; the replacing order gets <see cref="ClientOrderId"/> (made when absent).</summary>
public sealed record ReplaceOrderBody(
    decimal? Qty = null,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    decimal? TrailPrice = null,
    string? TimeInForce = null,
    string? ClientOrderId = null)
{
    /// <summary>The replacement, or <see cref="InvalidInputException"/> naming every field at fault.</summary>
    public OrderReplacement ToReplacement()
    {
        var fields = new WireFields();
        var id = ClientOrderId is null ? Guid.NewGuid().ToString("N") : fields.Text(ClientOrderId, "client_order_id", OrderRequest.MaxClientOrderIdLength);
        var qty = fields.Quantity(Qty, "qty", required: false);
        var limit = fields.Price(LimitPrice, "limit_price");
        var stop = fields.Price(StopPrice, "stop_price");
        var trail = fields.Price(TrailPrice, "trail_price");
        Grains.Domain.TimeInForce? tif = TimeInForce is null ? null : fields.Enum<Grains.Domain.TimeInForce>(TimeInForce, "time_in_force");
        if (Qty is null && LimitPrice is null && StopPrice is null && TrailPrice is null && TimeInForce is null)
            fields.Add("body", "give at least one of qty, limit_price, stop_price, trail_price and time_in_force");
        fields.ThrowIfAny("replacement");
        return new OrderReplacement(id, qty, limit, stop, trail, tif);
    }
}

/// <summary>An order as the API shows it: Alpaca's order object, with the portfolio and the risk gate's denial code.</summary>
public sealed record OrderView(
    string Id,
    string ClientOrderId,
    string PortfolioId,
    Symbol Symbol,
    Side Side,
    Quantity Qty,
    Quantity FilledQty,
    Price? FilledAvgPrice,
    OrderType Type,
    TimeInForce TimeInForce,
    Price? LimitPrice,
    Price? StopPrice,
    Price? TrailPrice,
    decimal? TrailPercent,
    OrderClass OrderClass,
    TakeProfitLeg? TakeProfit,
    StopLossLeg? StopLoss,
    OrderStatus Status,
    string? StatusReason,
    string? DenialCode,
    Money Commission,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? BrokerOrderId,
    string? ReplacesClientOrderId,
    string? ReplacedByClientOrderId,
    string? ParentClientOrderId,
    IReadOnlyList<string>? Legs,
    bool External)
{
    /// <summary>The wire form of <paramref name="order"/>; its id is its client order id.</summary>
    public static OrderView Of(OrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var r = order.Request;
        return new OrderView(
            r.ClientOrderId, r.ClientOrderId, r.PortfolioId, r.Symbol, r.Side, r.Quantity, order.FilledQuantity, order.AverageFillPrice,
            r.Type, r.TimeInForce, r.LimitPrice, r.StopPrice, r.TrailPrice, r.TrailPercent, r.Class, r.TakeProfit, r.StopLoss,
            order.Status, order.StatusReason, order.DenialCode, order.Commission, order.CreatedAt, order.UpdatedAt, order.BrokerOrderId,
            order.ReplacesClientOrderId, order.ReplacedByClientOrderId, order.ParentClientOrderId, order.LegClientOrderIds, order.External);
    }
}

/// <summary>A page of orders; <see cref="NextPageToken"/> fetches the next one (absent on the last page).</summary>
public sealed record OrderPage(IReadOnlyList<OrderView> Orders, string? NextPageToken);

using Meridian.Brokers.Alpaca.Wire;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>The platform's order requests in Alpaca's wire form, and back for orders found at Alpaca.</summary>
public static class AlpacaOrderRequests
{
    /// <summary>The body of <c>POST /v2/orders</c> for <paramref name="request"/>, under its Alpaca client order id.</summary>
    public static AlpacaOrderRequest Submit(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new AlpacaOrderRequest
        {
            Symbol = request.Symbol.Value,
            Qty = request.Quantity.Value,
            Side = WireName.Of(request.Side),
            Type = WireName.Of(request.Type),
            TimeInForce = WireName.Of(request.TimeInForce),
            LimitPrice = request.LimitPrice?.Value,
            StopPrice = request.StopPrice?.Value,
            TrailPrice = request.TrailPrice?.Value,
            TrailPercent = request.TrailPercent,
            ClientOrderId = AlpacaClientOrderIds.For(request.ClientOrderId),
            OrderClass = request.Class == OrderClass.Simple ? null : WireName.Of(request.Class),
            TakeProfit = request.TakeProfit is { } tp ? new AlpacaTakeProfit(tp.LimitPrice.Value) : null,
            StopLoss = request.StopLoss is { } sl ? new AlpacaStopLoss(sl.StopPrice.Value, sl.LimitPrice?.Value) : null,
        };
    }

    /// <summary>The body of <c>PATCH /v2/orders/{id}</c> that turns the old order into <paramref name="replacement"/>.</summary>
    public static AlpacaReplaceRequest Replace(OrderRequest replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return new AlpacaReplaceRequest
        {
            Qty = replacement.Quantity.Value,
            TimeInForce = WireName.Of(replacement.TimeInForce),
            LimitPrice = replacement.LimitPrice?.Value,
            StopPrice = replacement.StopPrice?.Value,
            Trail = replacement.TrailPrice?.Value ?? replacement.TrailPercent,
            ClientOrderId = AlpacaClientOrderIds.For(replacement.ClientOrderId),
        };
    }

    /// <summary>
    /// The request of an order found at Alpaca that the platform did not place, as a simple order of
    /// <paramref name="portfolioId"/> (its legs, if any, are adopted as orders of their own). Null, with the reason, when a
    /// field needed for the platform's order rules is missing or unknown.
    /// </summary>
    public static OrderRequest? Adopted(AlpacaOrder order, string clientOrderId, string portfolioId, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(order);
        problem = null;
        if (!Symbol.TryParse(order.Symbol, out var symbol, out var symbolError))
            problem = $"symbol: {symbolError}";
        else if (Parse<Side>(order.Side) is not { } side)
            problem = $"side '{order.Side}' is not buy or sell";
        else if (Parse<OrderType>(order.Type) is not { } type)
            problem = $"type '{order.Type}' is not an equity order type";
        else if (Parse<TimeInForce>(order.TimeInForce) is not { } tif)
            problem = $"time_in_force '{order.TimeInForce}' is not known";
        else if (order.Qty is not > 0m)
            problem = "qty is missing (notional orders are not adopted)";
        else
        {
            var request = new OrderRequest(clientOrderId, portfolioId, symbol, side, Quantity.Of(order.Qty.Value), type, tif,
                PriceOf(order.LimitPrice), PriceOf(order.StopPrice), PriceOf(order.TrailPrice), order.TrailPercent);
            if (request.Validate() is { Count: > 0 } errors)
                problem = string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
            else
                return request;
        }
        return null;
    }

    private static Price? PriceOf(decimal? value) => value is > 0m ? Price.Of(value.Value) : null;

    private static T? Parse<T>(string? wire) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => WireName.Of(v) == wire).Select(v => (T?)v).FirstOrDefault();
}

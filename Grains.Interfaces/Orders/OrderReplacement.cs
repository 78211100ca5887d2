using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>
/// What to change when replacing an order (Alpaca's PATCH): a new order with <see cref="NewClientOrderId"/> replaces the
/// old one; fields left null keep their old values. The new order is a fresh order for its own quantity (what the old
/// one filled stays the old one's); the portfolio's default quantity is what the old order has left.
/// </summary>
public sealed record OrderReplacement(
    string NewClientOrderId,
    Quantity? Quantity = null,
    Price? LimitPrice = null,
    Price? StopPrice = null,
    Price? TrailPrice = null,
    TimeInForce? TimeInForce = null)
{
    /// <summary>The request of the replacing order: the old request with these changes.</summary>
    public OrderRequest ApplyTo(OrderRequest original) => original with
    {
        ClientOrderId = NewClientOrderId,
        Quantity = Quantity ?? original.Quantity,
        LimitPrice = LimitPrice ?? original.LimitPrice,
        StopPrice = StopPrice ?? original.StopPrice,
        TrailPrice = TrailPrice ?? original.TrailPrice,
        TimeInForce = TimeInForce ?? original.TimeInForce,
    };
}

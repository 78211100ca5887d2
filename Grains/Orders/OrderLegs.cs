using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>
/// The exit legs of bracket, OCO and OTO orders: their client order ids (derived from the parent's, so every party
/// names them alike) and their requests.
/// </summary>
public static class OrderLegs
{
    /// <summary>The take-profit leg of <paramref name="parentClientOrderId"/>.</summary>
    public static string TakeProfitId(string parentClientOrderId) => parentClientOrderId + "-tp";

    /// <summary>The stop-loss leg of <paramref name="parentClientOrderId"/>.</summary>
    public static string StopLossId(string parentClientOrderId) => parentClientOrderId + "-sl";

    /// <summary>
    /// The leg orders of <paramref name="parent"/> (none for a simple order). Bracket and OTO legs exit the entry, so
    /// they trade the other side; an OCO order is itself the take-profit exit, so its one leg, the stop-loss, trades its side.
    /// Legs have the parent's quantity and time in force.
    /// </summary>
    public static IReadOnlyList<OrderRequest> For(OrderRequest parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent.Class == OrderClass.Simple)
            return [];
        var exitSide = parent.Class == OrderClass.Oco ? parent.Side : parent.Side.Opposite();
        var legs = new List<OrderRequest>(2);
        if (parent.TakeProfit is { } takeProfit && parent.Class != OrderClass.Oco)
            legs.Add(Leg(parent, TakeProfitId(parent.ClientOrderId), exitSide) with { Type = OrderType.Limit, LimitPrice = takeProfit.LimitPrice });
        if (parent.StopLoss is { } stopLoss)
            legs.Add(Leg(parent, StopLossId(parent.ClientOrderId), exitSide) with
            {
                Type = stopLoss.LimitPrice is null ? OrderType.Stop : OrderType.StopLimit,
                StopPrice = stopLoss.StopPrice,
                LimitPrice = stopLoss.LimitPrice,
            });
        return legs;
    }

    private static OrderRequest Leg(OrderRequest parent, string clientOrderId, Side side) =>
        new(clientOrderId, parent.PortfolioId, parent.Symbol, side, parent.Quantity, TimeInForce: parent.TimeInForce);
}

using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Exchange;

/// <summary>
/// What the book refuses, beyond the request's own shape rules (<see cref="OrderRequest.Validate"/>): another symbol,
/// an id already working, order kinds it cannot simulate, and replacements that change what the order is.
/// </summary>
internal static class OrderAdmission
{
    public static List<FieldError> CheckSubmission(OrderRequest order, Symbol symbol, SimulatedExchangeState state)
    {
        var errors = new List<FieldError>(order.Validate());
        CheckVenue(order, symbol, errors);
        foreach (var (member, _, _) in OrderGroups.Members(order))
            CheckIdIsFree(member.ClientOrderId, state, errors);
        return errors;
    }

    /// <summary><paramref name="replacement"/> is the whole new order: its qty is the new total, what <paramref name="old"/> filled included.</summary>
    public static List<FieldError> CheckReplacement(WorkingOrder old, OrderRequest replacement, Symbol symbol, SimulatedExchangeState state)
    {
        var errors = new List<FieldError>(replacement.Validate());
        CheckVenue(replacement, symbol, errors);
        if (old.GroupId is not null)
            errors.Add(new("client_order_id", $"'{old.ClientOrderId}' belongs to the order group of '{old.GroupId}', which cannot be replaced; cancel the group and submit a new one"));
        if (replacement.Class != OrderClass.Simple)
            errors.Add(new("order_class", $"a replacement must be a simple order, not {WireName.Of(replacement.Class)}"));
        if (replacement.PortfolioId != old.Request.PortfolioId)
            errors.Add(new("portfolio_id", $"cannot change in a replace ('{old.Request.PortfolioId}')"));
        if (replacement.Side != old.Request.Side)
            errors.Add(new("side", $"cannot change in a replace ({WireName.Of(old.Request.Side)})"));
        if (replacement.Type != old.Request.Type)
            errors.Add(new("type", $"cannot change in a replace ({WireName.Of(old.Request.Type)})"));
        if (replacement.ClientOrderId == old.ClientOrderId)
            errors.Add(new("client_order_id", "the replacing order needs a new id"));
        else
            CheckIdIsFree(replacement.ClientOrderId, state, errors);
        return errors;
    }

    private static void CheckVenue(OrderRequest order, Symbol symbol, List<FieldError> errors)
    {
        if (order.Symbol != symbol)
            errors.Add(new("symbol", $"'{order.Symbol}' is not traded by this book, which trades '{symbol}'"));
        // An auction has one price; stop types need a path through the bar to trigger on.
        if (order.TimeInForce is TimeInForce.Opg or TimeInForce.Cls && order.Type is not (OrderType.Market or OrderType.Limit))
            errors.Add(new("time_in_force", $"{WireName.Of(order.TimeInForce)} orders must be market or limit, not {WireName.Of(order.Type)}"));
        if (order.Class == OrderClass.Oco && order.TakeProfit is { } takeProfit && order.LimitPrice is { } limit && takeProfit.LimitPrice != limit)
            errors.Add(new("take_profit.limit_price", $"{takeProfit.LimitPrice} differs from limit_price {limit}; an oco order's limit is its take-profit: omit take_profit or repeat the price"));
    }

    private static void CheckIdIsFree(string clientOrderId, SimulatedExchangeState state, List<FieldError> errors)
    {
        if (state.Find(clientOrderId) is not null)
            errors.Add(new("client_order_id", $"'{clientOrderId}' is already working here; use a new id for a new order"));
    }
}

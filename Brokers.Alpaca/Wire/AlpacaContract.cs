using Meridian.Brokers.Alpaca.Rest;

namespace Meridian.Brokers.Alpaca.Wire;

/// <summary>
/// The fields of Alpaca's answers the platform relies on, checked before anything is acted on. A missing or impossible
/// field is an <see cref="AlpacaErrorKind.ContractMismatch"/> naming the endpoint and the field: the order is left for
/// reconciliation, never guessed.
/// </summary>
public static class AlpacaContract
{
    /// <summary>Returns <paramref name="order"/> when it has what an Order object must have (and so do its legs); throws otherwise.</summary>
    public static AlpacaOrder Order(AlpacaOrder? order, string endpoint, string path = "")
    {
        if (order is null)
            throw Mismatch(endpoint, path.Length == 0 ? "(body)" : path, "the order is missing");
        Require(order.Id, endpoint, path + "id");
        Require(order.ClientOrderId, endpoint, path + "client_order_id");
        Require(order.Status, endpoint, path + "status");
        if (order.FilledQty is not { } filled)
            throw Mismatch(endpoint, path + "filled_qty", "is missing");
        if (filled < 0m)
            throw Mismatch(endpoint, path + "filled_qty", $"is negative ({filled})");
        if (order.Qty is { } qty && filled > qty)
            throw Mismatch(endpoint, path + "filled_qty", $"{filled} is more than qty {qty}");
        if (filled > 0m && order.FilledAvgPrice is not > 0m)
            throw Mismatch(endpoint, path + "filled_avg_price", $"must be positive when filled_qty is {filled}");
        if (order.Legs is { } legs)
        {
            for (var i = 0; i < legs.Count; i++)
                Order(legs[i], endpoint, $"{path}legs[{i}].");
        }
        return order;
    }

    /// <summary>Checks every order of a listing.</summary>
    public static IReadOnlyList<AlpacaOrder> Orders(IReadOnlyList<AlpacaOrder?>? orders, string endpoint)
    {
        if (orders is null)
            throw Mismatch(endpoint, "(body)", "expected an array of orders");
        var checkedOrders = new List<AlpacaOrder>(orders.Count);
        for (var i = 0; i < orders.Count; i++)
            checkedOrders.Add(Order(orders[i], endpoint, $"[{i}]."));
        return checkedOrders;
    }

    /// <summary>Checks every position of a listing: a symbol and a quantity each.</summary>
    public static IReadOnlyList<AlpacaPosition> Positions(IReadOnlyList<AlpacaPosition?>? positions, string endpoint)
    {
        if (positions is null)
            throw Mismatch(endpoint, "(body)", "expected an array of positions");
        for (var i = 0; i < positions.Count; i++)
        {
            var position = positions[i] ?? throw Mismatch(endpoint, $"[{i}]", "is null");
            Require(position.Symbol, endpoint, $"[{i}].symbol");
            if (position.Qty is null)
                throw Mismatch(endpoint, $"[{i}].qty", "is missing");
        }
        return positions!;
    }

    /// <summary>The error for <paramref name="field"/> of <paramref name="endpoint"/>'s answer.</summary>
    public static AlpacaApiException Mismatch(string endpoint, string field, string problem) =>
        new(AlpacaErrorKind.ContractMismatch, endpoint, $"field '{field}' {problem}");

    private static void Require(string? value, string endpoint, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw Mismatch(endpoint, field, "is missing");
    }
}

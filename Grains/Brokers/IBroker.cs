using Meridian.Grains.Orders;

namespace Meridian.Grains.Brokers;

/// <summary>
/// Where orders go: the simulated exchange or Alpaca. Calls return once the broker has taken the request; what then
/// happens to the order comes back later as <see cref="ExecutionReport"/>s delivered to the Order grains
/// (<see cref="ExecutionReports.Deliver"/>). A broker never calls back into the caller synchronously, so an Order grain
/// can call it from inside its turn.
/// </summary>
public interface IBroker
{
    /// <summary>The broker's name, for logs and the dashboard.</summary>
    string Name { get; }

    /// <summary>Sends a new order (with its legs, for bracket, OCO and OTO orders).</summary>
    Task SubmitAsync(OrderRequest order);

    /// <summary>Asks for the order to be canceled.</summary>
    Task CancelAsync(OrderRequest order);

    /// <summary>Asks for order <paramref name="clientOrderId"/> to be replaced by <paramref name="replacement"/> (a new client order id, same symbol).</summary>
    Task ReplaceAsync(string clientOrderId, OrderRequest replacement);
}

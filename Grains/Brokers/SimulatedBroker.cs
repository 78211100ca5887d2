using Meridian.Grains.Exchange;
using Meridian.Grains.Orders;
using Meridian.Runtime;

namespace Meridian.Grains.Brokers;

/// <summary>The built-in broker: each order goes to the simulated exchange grain of its symbol, which fills it on bars.</summary>
public sealed class SimulatedBroker(IGrainFactory grains) : IBroker
{
    /// <inheritdoc />
    public string Name => "simulated";

    /// <inheritdoc />
    public Task SubmitAsync(OrderRequest order) => Exchange(order).SubmitAsync(order);

    /// <inheritdoc />
    public Task CancelAsync(OrderRequest order) => Exchange(order).CancelAsync(order.ClientOrderId);

    /// <inheritdoc />
    public Task ReplaceAsync(string clientOrderId, OrderRequest replacement) => Exchange(replacement).ReplaceAsync(clientOrderId, replacement);

    private ISimulatedExchangeGrain Exchange(OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return grains.GetGrain<ISimulatedExchangeGrain>(order.Symbol.Value);
    }
}

using Meridian.Grains.Brokers;
using Meridian.Grains.Orders;
using Meridian.Runtime;

namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>
/// The Alpaca broker behind <see cref="IBroker"/>. A submission is taken once it is journaled in its
/// <see cref="IAlpacaOrderGrain"/>; the HTTP call follows one-way, so the Order grain and its portfolio never wait on
/// Alpaca (or on the client-side throttle). What happens next comes back from the trade-updates stream and reconciliation.
/// </summary>
public sealed class AlpacaBroker(IGrainFactory grains) : IBroker
{
    /// <inheritdoc />
    public string Name => "alpaca";

    /// <inheritdoc />
    public async Task SubmitAsync(OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var grain = Grain(order.ClientOrderId);
        await grain.RecordAsync(order, replacesClientOrderId: null).ConfigureAwait(false);
        _ = grain.SendAsync();
    }

    /// <inheritdoc />
    public Task CancelAsync(OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Grain(order.ClientOrderId).CancelAsync();
    }

    /// <inheritdoc />
    public async Task ReplaceAsync(string clientOrderId, OrderRequest replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var grain = Grain(replacement.ClientOrderId);
        await grain.RecordAsync(replacement, clientOrderId).ConfigureAwait(false);
        _ = grain.SendAsync();
    }

    private IAlpacaOrderGrain Grain(string clientOrderId) => grains.GetGrain<IAlpacaOrderGrain>(AlpacaClientOrderIds.For(clientOrderId));
}

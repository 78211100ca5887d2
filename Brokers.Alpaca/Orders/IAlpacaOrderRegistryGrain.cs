using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>
/// The Alpaca orders still in play (submission unsettled, or open at Alpaca), so reconciliation can visit each even when
/// a listing misses it. One grain per account, key <see cref="Key"/>.
/// </summary>
public interface IAlpacaOrderRegistryGrain : IGrainWithStringKey
{
    /// <summary>The registry's key.</summary>
    const string Key = "alpaca";

    /// <summary>Adds an order (by Alpaca client order id).</summary>
    Task TrackAsync(string alpacaClientOrderId);

    /// <summary>Removes an order that is settled and final.</summary>
    Task UntrackAsync(string alpacaClientOrderId);

    /// <summary>Every order in play.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> GetTrackedAsync();
}

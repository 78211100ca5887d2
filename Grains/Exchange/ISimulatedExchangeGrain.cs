using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Runtime;

namespace Meridian.Grains.Exchange;

/// <summary>
/// The simulated exchange for one symbol (keyed by symbol): holds working orders and fills them on that symbol's bars
/// by the rules in docs/simulated-exchange.md, sending the execution reports to the Order grains.
/// </summary>
public interface ISimulatedExchangeGrain : IGrainWithStringKey
{
    /// <summary>Takes a new order (with its legs).</summary>
    Task SubmitAsync(OrderRequest order);

    /// <summary>Cancels a working order (and the rest of its group).</summary>
    Task CancelAsync(string clientOrderId);

    /// <summary>Replaces a working order by a new one.</summary>
    Task ReplaceAsync(string clientOrderId, OrderRequest replacement);

    /// <summary>Matches working orders against a bar (the market-data stream calls the same path).</summary>
    Task OnBarAsync(Bar bar);
}

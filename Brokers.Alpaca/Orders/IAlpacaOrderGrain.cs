using Meridian.Brokers.Alpaca.Wire;
using Meridian.Grains.Orders;
using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>
/// One order at Alpaca, keyed by its Alpaca client order id: the journal of its submission (recorded before anything is
/// sent, so it is never sent blindly twice) and the translation of what Alpaca says about it into the platform order's
/// execution reports.
/// </summary>
public interface IAlpacaOrderGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="request"/> to be sent (a replace of <paramref name="replacesClientOrderId"/> when given). Idempotent.</summary>
    Task RecordAsync(OrderRequest request, string? replacesClientOrderId);

    /// <summary>Sends the recorded order if it is pending: POST (or PATCH for a replace), and on no answer or a 5xx, a lookup by client order id before anything else.</summary>
    [OneWay]
    Task SendAsync();

    /// <summary>Asks Alpaca to cancel the order (or cancels it locally when it was never sent).</summary>
    Task CancelAsync();

    /// <summary>Links this Alpaca order to a platform order it was not sent for: a leg of a parent the platform sent, or an adopted external order.</summary>
    Task LinkAsync(string clientOrderId, string portfolioId, string alpacaOrderId);

    /// <summary>
    /// Applies what Alpaca says about the order now (<paramref name="execution"/> for a fill event). False when no platform
    /// order is linked to it: the caller must reconcile (it may be a leg, or an order placed outside the platform).
    /// </summary>
    Task<bool> ObserveAsync(AlpacaOrder order, AlpacaFillEvent? execution);

    /// <summary>
    /// Settles the order with Alpaca: a submission whose fate is unknown is looked up by client order id (and sent again
    /// only when Alpaca does not have it); a landed one is read again and its fills resent if the platform order lacks any.
    /// </summary>
    Task ResolveAsync();

    /// <summary>Where the order stands here, or null when nothing is recorded.</summary>
    [ReadOnly]
    Task<AlpacaOrderView?> GetAsync();
}

/// <summary>What <see cref="IAlpacaOrderGrain.GetAsync"/> shows.</summary>
public sealed record AlpacaOrderView(
    string AlpacaClientOrderId, string? ClientOrderId, string? AlpacaOrderId, AlpacaSubmission Submission, string? AlpacaStatus, decimal ReportedFilled);

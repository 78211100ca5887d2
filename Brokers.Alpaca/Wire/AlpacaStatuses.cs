using Meridian.Grains.Domain;

namespace Meridian.Brokers.Alpaca.Wire;

/// <summary>Alpaca's order statuses (NOTES §1.10) as the platform's <see cref="OrderStatus"/>.</summary>
public static class AlpacaStatuses
{
    /// <summary>
    /// The platform's status for Alpaca's <paramref name="status"/>, or null when the status says nothing the platform can
    /// act on safely: an unknown name (the set is open-ended), or <c>calculated</c>, whose fills are read from
    /// <c>filled_qty</c> anyway. A null leaves the order as it is until a later report or reconciliation.
    /// </summary>
    public static OrderStatus? ToOrderStatus(string? status) => status switch
    {
        "new" => OrderStatus.New,
        "partially_filled" => OrderStatus.PartiallyFilled,
        "filled" => OrderStatus.Filled,
        "done_for_day" => OrderStatus.DoneForDay,
        "canceled" => OrderStatus.Canceled,
        "expired" => OrderStatus.Expired,
        "replaced" => OrderStatus.Replaced,
        "pending_cancel" => OrderStatus.PendingCancel,
        "pending_replace" => OrderStatus.PendingReplace,
        "accepted" => OrderStatus.Accepted,
        "pending_new" => OrderStatus.PendingNew,
        // Received by the venue and being priced, or a trade guaranteed but not yet printed: working either way.
        "accepted_for_bidding" or "stopped" => OrderStatus.New,
        "rejected" => OrderStatus.Rejected,
        "suspended" => OrderStatus.Suspended,
        "held" => OrderStatus.Held,
        _ => null,
    };
}

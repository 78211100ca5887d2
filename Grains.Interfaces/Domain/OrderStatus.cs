namespace Meridian.Grains.Domain;

/// <summary>
/// Where an order is in its life: Alpaca's statuses plus <see cref="Denied"/>, a local refusal by the pre-trade risk gate
/// (the order never reached a broker), as distinct from <see cref="Rejected"/>, a refusal by the broker or venue.
/// The legal moves between them are <c>OrderStateMachine</c>'s table.
/// </summary>
public enum OrderStatus
{
    /// <summary>Recorded locally and sent (or being sent) to the broker; no answer yet.</summary>
    Submitted,

    /// <summary>Refused by our risk gate; never sent. Terminal.</summary>
    Denied,

    /// <summary>Received by the broker, not yet routed.</summary>
    Accepted,

    /// <summary>Routed, not yet accepted for execution.</summary>
    PendingNew,

    /// <summary>Working at the venue.</summary>
    New,

    PartiallyFilled,

    /// <summary>Completely filled. Terminal.</summary>
    Filled,

    /// <summary>Done executing for the day; may work again next session.</summary>
    DoneForDay,

    /// <summary>Terminal.</summary>
    Canceled,

    /// <summary>Expired by its time in force. Terminal.</summary>
    Expired,

    /// <summary>Replaced by another order (linked both ways). Terminal for this order.</summary>
    Replaced,

    PendingCancel,

    PendingReplace,

    /// <summary>Refused by the broker or venue. Terminal.</summary>
    Rejected,

    /// <summary>Suspended by the venue; not eligible for trading.</summary>
    Suspended,

    /// <summary>A bracket/OTO/OCO leg waiting for its parent to fill.</summary>
    Held,
}

/// <summary>Facts about statuses.</summary>
public static class OrderStatusExtensions
{
    /// <summary>True when nothing can happen to the order any more.</summary>
    public static bool IsTerminal(this OrderStatus status) =>
        status is OrderStatus.Denied or OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired or OrderStatus.Replaced or OrderStatus.Rejected;

    /// <summary>True when the order may still fill (it counts as an open order).</summary>
    public static bool IsOpen(this OrderStatus status) => !status.IsTerminal();
}

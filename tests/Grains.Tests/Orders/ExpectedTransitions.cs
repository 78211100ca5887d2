using Meridian.Grains.Domain;
using static Meridian.Grains.Domain.OrderStatus;

namespace Meridian.Grains.Tests.Orders;

/// <summary>
/// The legal transitions, typed out pair by pair apart from OrderStateMachine's table, so a change to either shows up
/// as a failing test. Every pair not listed is illegal.
/// </summary>
internal static class ExpectedTransitions
{
    public static readonly (OrderStatus From, OrderStatus To)[] Legal =
    [
        (Submitted, Accepted), (Submitted, PendingNew), (Submitted, New), (Submitted, Held), (Submitted, PendingCancel),
        (Submitted, PartiallyFilled), (Submitted, Filled), (Submitted, Canceled), (Submitted, Expired), (Submitted, Rejected),

        (Held, Accepted), (Held, PendingNew), (Held, New), (Held, PendingCancel), (Held, PendingReplace),
        (Held, PartiallyFilled), (Held, Filled), (Held, Canceled), (Held, Expired), (Held, Rejected),

        (Accepted, PendingNew), (Accepted, New), (Accepted, PendingCancel),
        (Accepted, PartiallyFilled), (Accepted, Filled), (Accepted, Canceled), (Accepted, Expired), (Accepted, Rejected),

        (PendingNew, New), (PendingNew, PendingCancel),
        (PendingNew, PartiallyFilled), (PendingNew, Filled), (PendingNew, Canceled), (PendingNew, Expired), (PendingNew, Rejected),

        (New, DoneForDay), (New, PendingCancel), (New, PendingReplace), (New, Suspended),
        (New, PartiallyFilled), (New, Filled), (New, Canceled), (New, Expired), (New, Rejected),

        (PartiallyFilled, DoneForDay), (PartiallyFilled, PendingCancel), (PartiallyFilled, PendingReplace), (PartiallyFilled, Suspended),
        (PartiallyFilled, Replaced), (PartiallyFilled, PartiallyFilled), (PartiallyFilled, Filled), (PartiallyFilled, Canceled), (PartiallyFilled, Expired),

        (DoneForDay, New), (DoneForDay, PendingCancel), (DoneForDay, PendingReplace),
        (DoneForDay, PartiallyFilled), (DoneForDay, Filled), (DoneForDay, Canceled), (DoneForDay, Expired),

        (Suspended, New), (Suspended, PendingCancel),
        (Suspended, PartiallyFilled), (Suspended, Filled), (Suspended, Canceled), (Suspended, Expired),

        (PendingCancel, Canceled), (PendingCancel, Rejected),
        (PendingCancel, PartiallyFilled), (PendingCancel, Filled), (PendingCancel, Expired),
        (PendingCancel, Held), (PendingCancel, Accepted), (PendingCancel, PendingNew), (PendingCancel, New), (PendingCancel, DoneForDay), (PendingCancel, Suspended),

        (PendingReplace, Replaced),
        (PendingReplace, PartiallyFilled), (PendingReplace, Filled), (PendingReplace, Canceled), (PendingReplace, Expired),
        (PendingReplace, Held), (PendingReplace, New), (PendingReplace, DoneForDay),
    ];

    public static OrderStatus[] AllStatuses => Enum.GetValues<OrderStatus>();

    public static bool IsLegal(OrderStatus from, OrderStatus to) => Legal.Contains((from, to));

    /// <summary>Every (from, to) pair of statuses, legal or not.</summary>
    public static TheoryData<OrderStatus, OrderStatus> AllPairs()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in AllStatuses)
        {
            foreach (var to in AllStatuses)
                data.Add(from, to);
        }
        return data;
    }
}

using System.Collections.Frozen;
using Meridian.Grains.Domain;
using static Meridian.Grains.Domain.OrderStatus;

namespace Meridian.Grains.Orders;

/// <summary>
/// The legal moves between <see cref="OrderStatus"/> values, as one table with a row per source status, built from
/// Alpaca's order statuses and trade-update events. An order's status changes only along this table.
/// </summary>
/// <remarks>
/// <para>Three rules shape every row.</para>
/// <para>Fills, cancels and expiries are facts at the venue, so they are legal from every open status. Acknowledgements
/// can go missing: the trade-updates stream has no replay after a reconnect, and reconciliation reports only the
/// current status.</para>
/// <para>Acknowledgements only move forward (held, accepted, pending_new, new). The one way back is a refused cancel or
/// replace: pending_cancel and pending_replace sit on top of a working status, and when the broker refuses the request
/// it reports the status underneath. That can be any status the request was allowed from.</para>
/// <para>Nothing leads to <see cref="Submitted"/> or <see cref="Denied"/>. Both are set only when an order is first
/// recorded, and a broker never reports them. A status never leads to itself, except that one partial fill can follow
/// another.</para>
/// </remarks>
public static class OrderStateMachine
{
    private static readonly FrozenDictionary<OrderStatus, FrozenSet<OrderStatus>> s_table = new[]
    {
        // Sent, no answer yet. Any acknowledgement can come first, and so can a fill or an end if the acks were missed.
        // Held: a bracket leg's replacement is recorded as a plain order and the broker holds it.
        // Pending_cancel: a cancel can be asked for before the ack. Alpaca refuses a replace until the order is working,
        // and only a working order can be done for the day or suspended.
        From(Submitted).To(Accepted, PendingNew, New, Held, PendingCancel, PartiallyFilled, Filled, Canceled, Expired, Rejected),

        // A bracket/OTO/OCO leg waiting for its parent. It is activated when the parent fills, and may be rejected then.
        // A sibling or parent ending can cancel or expire it. Alpaca does not list held among the statuses it refuses a
        // replace in, and the stop-loss of an active bracket sits in held while its take-profit works.
        From(Held).To(Accepted, PendingNew, New, PendingCancel, PendingReplace, PartiallyFilled, Filled, Canceled, Expired, Rejected),

        // Received but not routed, which is common outside market hours. Alpaca refuses replaces here.
        From(Accepted).To(PendingNew, New, PendingCancel, PartiallyFilled, Filled, Canceled, Expired, Rejected),

        // Routed but not yet accepted for execution. Alpaca refuses replaces here too.
        From(PendingNew).To(New, PendingCancel, PartiallyFilled, Filled, Canceled, Expired, Rejected),

        // Working. Alpaca reports new once the order is routed, and the venue can still refuse it, so rejected is legal.
        // Pending_replace without our request is a replace made outside this system.
        From(New).To(PartiallyFilled, Filled, DoneForDay, PendingCancel, PendingReplace, Suspended, Canceled, Expired, Rejected),

        // Part traded, so the venue accepted the order and it can no longer be rejected.
        // Replaced: a fill that races a replace leaves pending_replace for partially_filled while the replace is still under way.
        From(PartiallyFilled).To(PartiallyFilled, Filled, DoneForDay, PendingCancel, PendingReplace, Replaced, Suspended, Canceled, Expired),

        // Dormant until the next session, when it works again (new, or partially_filled if part has traded).
        From(DoneForDay).To(New, PartiallyFilled, PendingCancel, PendingReplace, Filled, Canceled, Expired),

        // Not eligible for trading until it resumes. A replace waits for the order to resume.
        From(Suspended).To(New, PartiallyFilled, PendingCancel, Filled, Canceled, Expired),

        // The cancel succeeds, or a fill or an expiry gets there first. A cancel sent before the ack can meet a rejection.
        // A refused cancel returns to the status underneath, which can be any status a cancel is allowed from (see EnsureCancelable).
        From(PendingCancel).To(Canceled, PartiallyFilled, Filled, Expired, Rejected, Held, Accepted, PendingNew, New, DoneForDay, Suspended),

        // The replace succeeds, or a fill gets there first. Alpaca replaces by canceling, so the order can also end canceled
        // or expire. A refused replace returns to the status underneath: any status a replace is allowed from.
        From(PendingReplace).To(Replaced, PartiallyFilled, Filled, Canceled, Expired, Held, New, DoneForDay),

        Terminal(Denied),
        Terminal(Filled),
        Terminal(Canceled),
        Terminal(Expired),
        Terminal(Replaced),
        Terminal(Rejected),
    }.ToFrozenDictionary(row => row.From, row => row.Targets);

    /// <summary>True when an order in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanTransition(OrderStatus from, OrderStatus to) => LegalTargets(from).Contains(to);

    /// <summary>Every status an order in <paramref name="from"/> may move to. The set is empty for terminal statuses.</summary>
    public static IReadOnlySet<OrderStatus> LegalTargets(OrderStatus from) =>
        s_table.TryGetValue(from, out var targets) ? targets : FrozenSet<OrderStatus>.Empty;

    private static RowStart From(OrderStatus from) => new(from);

    private static Row Terminal(OrderStatus status) => new(status, FrozenSet<OrderStatus>.Empty);

    private readonly record struct RowStart(OrderStatus From)
    {
        public Row To(params ReadOnlySpan<OrderStatus> targets) => new(From, targets.ToArray().ToFrozenSet());
    }

    private readonly record struct Row(OrderStatus From, FrozenSet<OrderStatus> Targets);
}

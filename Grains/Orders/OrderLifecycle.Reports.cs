using Meridian.Grains.Domain;
using static Meridian.Grains.Domain.OrderStatus;

namespace Meridian.Grains.Orders;

// How a broker's execution report changes the order. The broker reports, and this code decides.
public sealed partial class OrderLifecycle
{
    /// <summary>
    /// Applies a broker's execution report. Checks run in this order, and the first that fails decides:
    /// <list type="number">
    /// <item>A report that arrives before the order exists, or that names another order, is refused with nothing recorded:
    /// there is no history to record it in.</item>
    /// <item>A malformed report is refused and recorded as <see cref="OrderTransitionRefused"/>. Malformed means a filled
    /// report without a fill, any other status with a fill, or a fill of zero units. A partially_filled report without a
    /// fill is also malformed unless something has already filled, because then it restates the status after a refused
    /// cancel or replace, or at a new session.</item>
    /// <item>A fill whose execution id was already applied is a duplicate. So is a report of the status the order is
    /// already in. Nothing is recorded, but a broker order id not known yet is kept: a leg's first report restates held.</item>
    /// <item>A fill that would take the filled quantity past the order's is refused, recorded as
    /// <see cref="OrderOverfillRefused"/>, and flags the order. The quantity does not change.</item>
    /// <item>A move the table does not allow is refused and recorded as <see cref="OrderTransitionRefused"/>.</item>
    /// <item>Otherwise the report is applied. A fill is partial or complete by the cumulative quantity, whatever status
    /// the broker names. A replaced report needs the link that <see cref="BeginReplace"/> set. Without it, the replace was
    /// made outside this system and is refused, because there is no order to link to and a person must reconcile.</item>
    /// </list>
    /// </summary>
    public ReportOutcome Apply(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Exists)
            return ReportOutcome.Refused(null, $"order '{ClientOrderId}' does not exist: a report arrived before the order was recorded");
        if (report.ClientOrderId != ClientOrderId)
            return ReportOutcome.Refused(null, $"a report for order '{report.ClientOrderId}' reached order '{ClientOrderId}'");
        if (Malformation(report) is { } malformation)
            return Refuse(report, report.Status, $"malformed report: {malformation}");
        return report.Fill is { } fill ? ApplyFill(report, fill) : ApplyStatus(report);
    }

    private string? Malformation(ExecutionReport report) => report switch
    {
        { Fill: not null, Status: not (PartiallyFilled or Filled) } => $"a {WireName.Of(report.Status)} report carries a fill",
        { Fill: null, Status: Filled } => "a filled report has no fill",
        { Fill: null, Status: PartiallyFilled } when State.FilledQuantity.IsZero => "a partially_filled report has no fill, and nothing has filled yet",
        { Fill.Quantity.IsZero: true } => $"execution '{report.Fill.ExecutionId}' has zero quantity",
        { Fill.ExecutionId: var id } when string.IsNullOrWhiteSpace(id) => "the fill has no execution id",
        _ => null,
    };

    private ReportOutcome ApplyFill(ExecutionReport report, Fill fill)
    {
        if (State.ExecutionIds.Contains(fill.ExecutionId))
            return ReportOutcome.Duplicate($"execution '{fill.ExecutionId}' was already applied");

        var filled = State.FilledQuantity + fill.Quantity;
        if (filled > Request.Quantity)
        {
            State.OverfillFlagged = true;
            var overfill = Record(new OrderOverfillRefused(ClientOrderId, report.Time, fill, State.FilledQuantity, Request.Quantity));
            return ReportOutcome.Refused(overfill,
                $"execution '{fill.ExecutionId}' of {fill.Quantity} would fill {filled} of an order for {Request.Quantity}");
        }

        // The cumulative quantity decides, not the status the broker names: that name may be stale or out of order.
        var target = filled == Request.Quantity ? Filled : PartiallyFilled;
        if (!OrderStateMachine.CanTransition(State.Status, target))
            return Refuse(report, target, $"{IllegalMove(target)}; execution '{fill.ExecutionId}' of {fill.Quantity} not applied");

        State.FilledQuantity = filled;
        State.FilledNotional += fill.Price.Value * fill.Quantity.Value;
        State.Commission += fill.Commission;
        State.ExecutionIds.Add(fill.ExecutionId);
        State.BrokerOrderId ??= report.BrokerOrderId;
        State.StatusReason = null;
        var average = AveragePrice(State.FilledNotional, filled);
        OrderEvent recorded = target == Filled
            ? new OrderFilled(ClientOrderId, report.Time, fill, filled, average)
            : new OrderPartiallyFilled(ClientOrderId, report.Time, fill, filled, average);
        return ReportOutcome.Applied(Record(recorded));
    }

    private ReportOutcome ApplyStatus(ExecutionReport report)
    {
        var to = report.Status;
        if (to == State.Status)
        {
            State.BrokerOrderId ??= report.BrokerOrderId;
            return ReportOutcome.Duplicate($"the order is already {WireName.Of(to)}");
        }
        if (!OrderStateMachine.CanTransition(State.Status, to))
            return Refuse(report, to, IllegalMove(to));
        if (to == Replaced && State.ReplacedByClientOrderId is null)
            return Refuse(report, to, "the replace was not begun here, so there is no replacing order to link to; reconcile with the broker");

        // Leaving pending_replace for a working status without a fill means the broker refused the replace, so the link goes.
        if (State.Status == PendingReplace && to.IsOpen())
            State.ReplacedByClientOrderId = null;
        OrderEvent recorded = to switch
        {
            Canceled => new OrderCanceled(ClientOrderId, report.Time, report.Reason),
            Expired => new OrderExpired(ClientOrderId, report.Time, report.Reason),
            Rejected => new OrderRejected(ClientOrderId, report.Time, report.Reason ?? "rejected by broker"),
            Replaced => new OrderReplaced(ClientOrderId, report.Time, State.ReplacedByClientOrderId!),
            _ => new OrderStatusChanged(ClientOrderId, report.Time, to, report.BrokerOrderId),
        };
        State.BrokerOrderId ??= report.BrokerOrderId;
        State.StatusReason = recorded is OrderRejected rejected ? rejected.Reason : report.Reason;
        return ReportOutcome.Applied(Record(recorded));
    }

    private string IllegalMove(OrderStatus to) =>
        to is Submitted or Denied ? $"{WireName.Of(to)} is set only when the order is recorded; a broker cannot report it"
        : State.Status.IsTerminal() ? $"the order is {WireName.Of(State.Status)}, which is final"
        : $"{WireName.Of(State.Status)} cannot move to {WireName.Of(to)}";

    private ReportOutcome Refuse(ExecutionReport report, OrderStatus to, string reason) =>
        ReportOutcome.Refused(Record(new OrderTransitionRefused(ClientOrderId, report.Time, State.Status, to, reason)), reason);
}

using Meridian.Brokers.Alpaca.Wire;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>
/// Turns what Alpaca says about an order (a REST snapshot, or a trade update with its execution) into the platform's
/// execution reports, by the order's cumulative <c>filled_qty</c> rather than by events. So a duplicated event, an
/// out-of-order one, or one lost while the stream was down changes nothing twice and misses nothing: a fill the platform
/// has not been told of is whatever Alpaca's cumulative quantity exceeds the fills already reported. When that gap is
/// exactly the event's execution, the event's id and price are used; otherwise the gap is inferred as one fill with id
/// <c>alpaca:{order id}:{cumulative qty}</c> at the price that makes the order's average Alpaca's <c>filled_avg_price</c>.
/// </summary>
public static class AlpacaOrderReports
{
    /// <summary>The reports <paramref name="order"/> calls for, recording them in <paramref name="state"/>; empty when nothing is new.</summary>
    public static IReadOnlyList<ExecutionReport> From(AlpacaOrderState state, AlpacaOrder order, AlpacaFillEvent? execution, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(order);
        var clientOrderId = state.ClientOrderId ?? throw new InvalidOperationException("the order is not linked to a platform order");
        var reports = new List<ExecutionReport>(2);
        state.AlpacaOrderId ??= order.Id;
        state.AlpacaStatus = order.Status;
        var status = AlpacaStatuses.ToOrderStatus(order.Status);

        var reported = state.Fills.Sum(f => f.Quantity);
        var cumulative = order.FilledQty ?? 0m;
        if (cumulative > reported)
        {
            var fill = NewFill(state, order, execution, cumulative - reported, now);
            state.Fills.Add(fill);
            var complete = order.Qty is { } qty ? cumulative >= qty : status == OrderStatus.Filled;
            var fillStatus = complete ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
            reports.Add(new ExecutionReport(clientOrderId, fillStatus, fill.Time, order.Id,
                new Fill(fill.ExecutionId, Quantity.Of(fill.Quantity), Price.Of(fill.Price), Money.Zero, fill.Time)));
            state.ReportedStatus = fillStatus;
        }

        if (status is { } to && ShouldReport(state, to))
        {
            reports.Add(new ExecutionReport(clientOrderId, to, TimeOf(order, now), order.Id, Reason: ReasonOf(to)));
            state.ReportedStatus = to;
        }
        return reports;
    }

    /// <summary>Every fill reported so far, again: the outbox, resent when the platform order may have missed one (it ignores those it has).</summary>
    public static IEnumerable<ExecutionReport> Resend(AlpacaOrderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        // The platform order decides partial or complete by the cumulative quantity, whatever status a report names.
        return state.Fills.Select(fill => new ExecutionReport(state.ClientOrderId!, OrderStatus.PartiallyFilled, fill.Time, state.AlpacaOrderId,
            new Fill(fill.ExecutionId, Quantity.Of(fill.Quantity), Price.Of(fill.Price), Money.Zero, fill.Time)));
    }

    /// <summary>
    /// Fills report themselves; a status is reported once, and acknowledgements (held, accepted, pending_new, new) never
    /// after a fill: a late or stale acknowledgement must not move a part-filled order backwards.
    /// </summary>
    private static bool ShouldReport(AlpacaOrderState state, OrderStatus to) =>
        to is not (OrderStatus.PartiallyFilled or OrderStatus.Filled)
        && to != state.ReportedStatus
        && !(state.Fills.Count > 0 && to is OrderStatus.Held or OrderStatus.Accepted or OrderStatus.PendingNew or OrderStatus.New);

    private static AlpacaFillRecord NewFill(AlpacaOrderState state, AlpacaOrder order, AlpacaFillEvent? execution, decimal quantity, DateTimeOffset now)
    {
        if (execution is { } e && e.Quantity == quantity && e.Price > 0m && state.Fills.All(f => f.ExecutionId != e.ExecutionId))
            return new AlpacaFillRecord(e.ExecutionId, quantity, e.Price, e.Time);
        var cumulative = state.Fills.Sum(f => f.Quantity) + quantity;
        var notionalSoFar = state.Fills.Sum(f => f.Quantity * f.Price);
        var average = order.FilledAvgPrice ?? execution?.Price ?? 0m;
        var price = decimal.Round((average * cumulative - notionalSoFar) / quantity, Price.MaxDecimals);
        if (price <= 0m)
            price = average;
        var time = execution?.Time ?? order.FilledAt ?? order.UpdatedAt ?? now;
        return new AlpacaFillRecord($"alpaca:{order.Id}:{cumulative.ToString(System.Globalization.CultureInfo.InvariantCulture)}", quantity, price, time);
    }

    private static DateTimeOffset TimeOf(AlpacaOrder order, DateTimeOffset now) =>
        order.CanceledAt ?? order.ExpiredAt ?? order.FailedAt ?? order.UpdatedAt ?? order.SubmittedAt ?? now;

    private static string? ReasonOf(OrderStatus status) => status switch
    {
        OrderStatus.Canceled => "canceled at Alpaca",
        OrderStatus.Expired => "expired at Alpaca (time in force)",
        OrderStatus.Rejected => "rejected by Alpaca",
        _ => null,
    };
}

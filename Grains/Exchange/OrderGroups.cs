using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Exchange;

/// <summary>
/// Bracket, OTO and OCO orders: the orders a submission becomes and what one member's fate does to the others.
/// A bracket or OTO is an entry (working) plus held exits that go live after the entry fills completely; an OCO is
/// two live exits, the limit order itself (take-profit) and a stop-loss leg. Exits are one-cancels-other: the first
/// fill of either, partial or not, cancels the other. Any member canceled by the client cancels the whole group.
/// </summary>
internal static class OrderGroups
{
    /// <summary>The orders a submission becomes, parent first: each with its role and the status it starts in.</summary>
    public static IEnumerable<(OrderRequest Request, OrderRole Role, OrderStatus Status)> Members(OrderRequest order)
    {
        switch (order.Class)
        {
            case OrderClass.Bracket or OrderClass.Oto:
                yield return (order, OrderRole.Entry, OrderStatus.New);
                if (order.TakeProfit is { } takeProfit)
                    yield return (TakeProfitLeg(order, takeProfit), OrderRole.TakeProfit, OrderStatus.Held);
                if (order.StopLoss is { } stopLoss)
                    yield return (StopLossLeg(order, stopLoss, order.Side.Opposite()), OrderRole.StopLoss, OrderStatus.Held);
                break;
            case OrderClass.Oco:
                // Exit-only: both orders close the same position, so the stop-loss trades on the parent's side.
                yield return (order, OrderRole.TakeProfit, OrderStatus.New);
                if (order.StopLoss is { } ocoStopLoss)
                    yield return (StopLossLeg(order, ocoStopLoss, order.Side), OrderRole.StopLoss, OrderStatus.New);
                break;
            default:
                yield return (order, OrderRole.Standalone, OrderStatus.New);
                break;
        }
    }

    /// <summary>Ends an order with a final status other than filled, and ends what its group cannot keep without it: an entry's held exits.</summary>
    public static void End(SimulatedExchangeState state, WorkingOrder order, OrderStatus status, DateTimeOffset time, string reason, List<ExecutionReport> reports)
    {
        order.Status = status;
        state.Orders.Remove(order);
        reports.Add(ExecutionReports.Status(order, status, time, reason));
        if (order.Role != OrderRole.Entry)
            return;
        // The book does not resize exits to a partial entry: they go with it, and a partial position has no exits.
        foreach (var leg in state.Group(order.GroupId!).Where(o => o.Status == OrderStatus.Held))
            End(state, leg, OrderStatus.Canceled, time, $"entry '{order.ClientOrderId}' ended ({WireName.Of(status)}) before filling completely", reports);
    }

    /// <summary>A client's cancel: the order, then every other working member of its group (Alpaca's rule).</summary>
    public static void CancelWithGroup(SimulatedExchangeState state, WorkingOrder order, DateTimeOffset time, List<ExecutionReport> reports)
    {
        End(state, order, OrderStatus.Canceled, time, "canceled by client", reports);
        if (order.GroupId is null)
            return;
        foreach (var member in state.Group(order.GroupId).Where(o => o.Status.IsOpen()))
            End(state, member, OrderStatus.Canceled, time, $"order group canceled: '{order.ClientOrderId}' was canceled by client", reports);
    }

    /// <summary>After a fill in <paramref name="barEnd"/>'s bar: a completely filled entry activates its exits from the next bar; an exit's fill cancels its sibling.</summary>
    public static void OnFilled(SimulatedExchangeState state, WorkingOrder order, DateTimeOffset time, DateTimeOffset barEnd, List<ExecutionReport> reports)
    {
        if (order.Role == OrderRole.Entry && order.Status == OrderStatus.Filled)
        {
            foreach (var leg in state.Group(order.GroupId!).Where(o => o.Status == OrderStatus.Held))
            {
                leg.Status = OrderStatus.New;
                // Live from the next bar: the bar that filled the entry cannot say whether an exit price came after the fill.
                leg.EligibleFrom = barEnd;
                // Exits share the entry's session (AcceptedAt is the entry's): a day bracket's exits end with its day.
                leg.FirstEligibleBarTime = order.FirstEligibleBarTime;
                reports.Add(ExecutionReports.Status(leg, OrderStatus.New, time));
            }
        }
        else if (order.IsExit)
        {
            foreach (var sibling in state.Group(order.GroupId!).Where(o => o != order && o.IsExit && o.Status.IsOpen()))
                End(state, sibling, OrderStatus.Canceled, time, $"one-cancels-other: '{order.ClientOrderId}' filled", reports);
        }
    }

    /// <summary>
    /// The order to work a bar's orders in: submission order, except that when both exits of a group would fill in the
    /// bar, the winner takes the earlier place (its fill cancels the other). The one filling at the open wins (the open
    /// is the bar's first price); when neither or both fill at the open, the stop-loss wins, because the bar cannot
    /// say which price came first and the loss is the cautious assumption.
    /// </summary>
    public static List<WorkingOrder> RaceOrder(IReadOnlyList<WorkingOrder> orders, Func<WorkingOrder, BarPrice?> fillOf)
    {
        var sequence = orders.ToList();
        for (var i = 0; i < sequence.Count; i++)
        {
            var first = sequence[i];
            if (!first.IsExit)
                continue;
            var j = sequence.FindIndex(i + 1, o => o.IsExit && o.GroupId == first.GroupId);
            if (j >= 0 && SecondWins(first, fillOf(first), sequence[j], fillOf(sequence[j])))
                (sequence[i], sequence[j]) = (sequence[j], sequence[i]);
        }
        return sequence;
    }

    private static bool SecondWins(WorkingOrder first, BarPrice? firstFill, WorkingOrder second, BarPrice? secondFill) =>
        (firstFill, secondFill) switch
        {
            (null, null) => false,
            (null, _) => true,
            (_, null) => false,
            ({ } a, { } b) when a.AtOpen != b.AtOpen => b.AtOpen,
            _ => second.Role == OrderRole.StopLoss && first.Role != OrderRole.StopLoss,
        };

    private static OrderRequest TakeProfitLeg(OrderRequest parent, TakeProfitLeg leg) => parent with
    {
        ClientOrderId = OrderLegs.TakeProfitId(parent.ClientOrderId),
        Side = parent.Side.Opposite(),
        Type = OrderType.Limit,
        LimitPrice = leg.LimitPrice,
        StopPrice = null,
        TrailPrice = null,
        TrailPercent = null,
        Class = OrderClass.Simple,
        TakeProfit = null,
        StopLoss = null,
    };

    private static OrderRequest StopLossLeg(OrderRequest parent, StopLossLeg leg, Side side) => parent with
    {
        ClientOrderId = OrderLegs.StopLossId(parent.ClientOrderId),
        Side = side,
        Type = leg.LimitPrice is null ? OrderType.Stop : OrderType.StopLimit,
        LimitPrice = leg.LimitPrice,
        StopPrice = leg.StopPrice,
        TrailPrice = null,
        TrailPercent = null,
        Class = OrderClass.Simple,
        TakeProfit = null,
        StopLoss = null,
    };
}

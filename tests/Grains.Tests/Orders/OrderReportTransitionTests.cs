using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using static Meridian.Grains.Domain.OrderStatus;
using static Meridian.Grains.Tests.Orders.TestOrders;

namespace Meridian.Grains.Tests.Orders;

/// <summary>Apply follows the transition table for every pair of statuses, against the independently typed-out table.</summary>
public sealed class OrderReportTransitionTests
{
    public static TheoryData<OrderStatus, OrderStatus> AllPairs => ExpectedTransitions.AllPairs();

    public static TheoryData<OrderStatus, OrderStatus> IllegalMovesWithinTheQuantity()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in ExpectedTransitions.AllStatuses)
        {
            foreach (var to in ExpectedTransitions.AllStatuses)
            {
                // A status restated is a duplicate, and any fill of a filled order is an overfill: both are tested apart.
                var restated = from == to;
                var overfill = from == Filled && to is PartiallyFilled or Filled;
                if (!ExpectedTransitions.IsLegal(from, to) && !restated && !overfill)
                    data.Add(from, to);
            }
        }
        return data;
    }

    public static TheoryData<OrderStatus> TerminalStatuses => new(ExpectedTransitions.AllStatuses.Where(s => s.IsTerminal()));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Report_moves_the_order_exactly_along_the_table(OrderStatus from, OrderStatus to)
    {
        var lifecycle = In(from);
        lifecycle.State.ReplacedByClientOrderId = "o-2";

        var outcome = lifecycle.Apply(ReportTo(from, to));

        // A fill report is never a restatement: PartiallyFilled twice is another partial fill, Filled twice an overfill.
        var expected = from == to && to is not (PartiallyFilled or Filled) ? ReportOutcomeKind.Duplicate
            : ExpectedTransitions.IsLegal(from, to) ? ReportOutcomeKind.Applied
            : ReportOutcomeKind.Refused;
        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(expected == ReportOutcomeKind.Applied ? to : from, lifecycle.State.Status);
    }

    [Theory]
    [MemberData(nameof(IllegalMovesWithinTheQuantity))]
    public void Illegal_report_is_recorded_as_refused_and_leaves_the_order_as_it_was(OrderStatus from, OrderStatus to)
    {
        var lifecycle = In(from);
        var before = lifecycle.ToSnapshot();

        var outcome = lifecycle.Apply(ReportTo(from, to));

        var refused = Assert.IsType<OrderTransitionRefused>(outcome.Event);
        Assert.Equal((from, to, At(1)), (refused.From, refused.To, refused.Time));
        Assert.Same(refused, lifecycle.State.Events[^1]);
        Assert.Equal(before with { UpdatedAt = At(1) }, lifecycle.ToSnapshot());
    }

    [Theory]
    [MemberData(nameof(TerminalStatuses))]
    public void Terminal_order_refuses_every_other_status(OrderStatus terminal)
    {
        foreach (var to in ExpectedTransitions.AllStatuses.Where(s => s != terminal))
        {
            var lifecycle = In(terminal);

            var outcome = lifecycle.Apply(ReportTo(terminal, to));

            Assert.Equal(ReportOutcomeKind.Refused, outcome.Kind);
            Assert.Equal(terminal, lifecycle.State.Status);
        }
    }

    [Fact]
    public void Acknowledgement_moves_a_submitted_order_to_new_and_keeps_the_broker_order_id()
    {
        var lifecycle = SubmittedOrder();

        var outcome = lifecycle.Apply(Report(New, brokerOrderId: "b-1"));

        Assert.Equal(new OrderStatusChanged(Id, At(1), New, "b-1"), outcome.Event);
        Assert.Equal("b-1", lifecycle.ToSnapshot().BrokerOrderId);
        Assert.Equal(At(1), lifecycle.State.UpdatedAt);
    }

    [Fact]
    public void Broker_cannot_report_denied()
    {
        var lifecycle = In(New);

        var outcome = lifecycle.Apply(Report(Denied));

        Assert.Equal("denied is set only when the order is recorded; a broker cannot report it", outcome.Reason);
        Assert.Equal(New, lifecycle.State.Status);
    }

    [Fact]
    public void Illegal_move_between_open_statuses_names_both()
    {
        var outcome = In(New).Apply(Report(Accepted));

        Assert.Equal("new cannot move to accepted", outcome.Reason);
    }

    /// <summary>
    /// A report that asks for <paramref name="to"/> from an order forced into <paramref name="from"/> (see TestOrders.In).
    /// Fills are sized to land on the status asked for: 5 units for a partial fill, and what is left (at least 1) for a fill.
    /// </summary>
    private static ExecutionReport ReportTo(OrderStatus from, OrderStatus to) => to switch
    {
        PartiallyFilled => FillReport("e-9", 5m, 10m, status: to),
        Filled => FillReport("e-9", from switch { PartiallyFilled => 90m, Filled => 1m, _ => 100m }, 10m, status: to),
        _ => Report(to),
    };
}

using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using static Meridian.Grains.Domain.OrderStatus;
using static Meridian.Grains.Tests.Orders.TestOrders;

namespace Meridian.Grains.Tests.Orders;

public sealed class OrderReportTests
{
    [Fact]
    public void Cancel_report_records_its_reason()
    {
        var lifecycle = In(New);

        var outcome = lifecycle.Apply(Report(Canceled, reason: "user requested"));

        Assert.Equal(new OrderCanceled(Id, At(1), "user requested"), outcome.Event);
        Assert.Equal("user requested", lifecycle.ToSnapshot().StatusReason);
    }

    [Fact]
    public void Expiry_report_records_an_expiry()
    {
        var lifecycle = In(New);

        var outcome = lifecycle.Apply(Report(Expired));

        Assert.Equal(new OrderExpired(Id, At(1)), outcome.Event);
        Assert.Equal(Quantity.Zero, lifecycle.ToSnapshot().RemainingQuantity);
    }

    [Fact]
    public void Rejection_without_a_reason_says_rejected_by_broker()
    {
        var lifecycle = SubmittedOrder();

        var outcome = lifecycle.Apply(Report(Rejected));

        Assert.Equal(new OrderRejected(Id, At(1), "rejected by broker"), outcome.Event);
        Assert.Equal("rejected by broker", lifecycle.ToSnapshot().StatusReason);
    }

    [Fact]
    public void Replaced_report_links_the_order_named_when_the_replace_began()
    {
        var lifecycle = In(New);
        lifecycle.BeginReplace("o-2", At(1));

        var outcome = lifecycle.Apply(Report(Replaced, minute: 2));

        Assert.Equal(new OrderReplaced(Id, At(2), "o-2"), outcome.Event);
        Assert.Equal((Replaced, "o-2"), (lifecycle.State.Status, lifecycle.ToSnapshot().ReplacedByClientOrderId));
    }

    [Fact]
    public void Replace_made_outside_this_system_is_refused_for_lack_of_a_link()
    {
        var lifecycle = In(New);
        lifecycle.Apply(Report(PendingReplace));

        var outcome = lifecycle.Apply(Report(Replaced, minute: 2));

        Assert.Equal(ReportOutcomeKind.Refused, outcome.Kind);
        Assert.IsType<OrderTransitionRefused>(outcome.Event);
        Assert.Equal(PendingReplace, lifecycle.State.Status);
    }

    [Fact]
    public void Refused_replace_returns_the_order_to_work_and_drops_the_link()
    {
        var lifecycle = In(New);
        lifecycle.BeginReplace("o-2", At(1));

        lifecycle.Apply(Report(New, minute: 2));

        Assert.Equal((New, null), (lifecycle.State.Status, lifecycle.ToSnapshot().ReplacedByClientOrderId));
    }

    [Fact]
    public void Fill_that_races_a_replace_keeps_the_link_so_the_replace_can_still_complete()
    {
        var lifecycle = In(New);
        lifecycle.BeginReplace("o-2", At(1));
        lifecycle.Apply(FillReport("e-1", 30m, 10m, minute: 2));

        var outcome = lifecycle.Apply(Report(Replaced, minute: 3));

        Assert.Equal(new OrderReplaced(Id, At(3), "o-2"), outcome.Event);
        Assert.Equal(Quantity.Of(30m), lifecycle.State.FilledQuantity);
    }

    [Fact]
    public void Refused_cancel_returns_a_partly_filled_order_to_partially_filled()
    {
        var lifecycle = SubmittedOrder();
        lifecycle.Apply(FillReport("e-1", 30m, 10m));
        lifecycle.Apply(Report(PendingCancel, minute: 2));

        var outcome = lifecycle.Apply(Report(PartiallyFilled, minute: 3));

        Assert.Equal(new OrderStatusChanged(Id, At(3), PartiallyFilled), outcome.Event);
        Assert.Equal(Quantity.Of(30m), lifecycle.State.FilledQuantity);
    }

    [Fact]
    public void Restated_status_is_a_duplicate_and_records_nothing()
    {
        var lifecycle = SubmittedOrder();
        lifecycle.Apply(Report(New));

        var outcome = lifecycle.Apply(Report(New, minute: 2));

        Assert.Equal(new ReportOutcome(ReportOutcomeKind.Duplicate, null, "the order is already new"), outcome);
        Assert.Equal(2, lifecycle.State.Events.Count);
        Assert.Equal(At(1), lifecycle.State.UpdatedAt);
    }

    [Fact]
    public void Restated_held_status_still_teaches_the_broker_order_id()
    {
        var lifecycle = Empty("o-1-sl");
        lifecycle.Submit(Buy(id: "o-1-sl"), T0, parentClientOrderId: "o-1");

        lifecycle.Apply(new ExecutionReport("o-1-sl", Held, At(1), BrokerOrderId: "b-7"));

        Assert.Equal("b-7", lifecycle.ToSnapshot().BrokerOrderId);
    }

    [Fact]
    public void Report_before_the_order_exists_is_refused_without_recording()
    {
        var lifecycle = Empty();

        var outcome = lifecycle.Apply(Report(New));

        Assert.Equal(ReportOutcomeKind.Refused, outcome.Kind);
        Assert.Null(outcome.Event);
        Assert.Empty(lifecycle.State.Events);
    }

    [Fact]
    public void Report_for_another_order_is_refused_without_recording()
    {
        var lifecycle = SubmittedOrder();

        var outcome = lifecycle.Apply(Report(New) with { ClientOrderId = "o-2" });

        Assert.Equal((ReportOutcomeKind.Refused, null), (outcome.Kind, outcome.Event));
        Assert.Equal(OrderStatus.Submitted, lifecycle.State.Status);
    }

    [Fact]
    public void Filled_report_without_a_fill_is_refused_as_malformed() =>
        AssertMalformed(SubmittedOrder(), Report(Filled), "malformed report: a filled report has no fill");

    [Fact]
    public void Status_report_carrying_a_fill_is_refused_as_malformed() =>
        AssertMalformed(SubmittedOrder(), FillReport("e-1", 10m, 10m, status: New), "malformed report: a new report carries a fill");

    [Fact]
    public void Partially_filled_report_without_a_fill_before_any_fill_is_refused_as_malformed() =>
        AssertMalformed(SubmittedOrder(), Report(PartiallyFilled), "malformed report: a partially_filled report has no fill, and nothing has filled yet");

    [Fact]
    public void Fill_of_zero_units_is_refused_as_malformed() =>
        AssertMalformed(SubmittedOrder(), FillReport("e-1", 0m, 10m), "malformed report: execution 'e-1' has zero quantity");

    private static void AssertMalformed(OrderLifecycle lifecycle, ExecutionReport report, string reason)
    {
        var outcome = lifecycle.Apply(report);

        var refused = Assert.IsType<OrderTransitionRefused>(outcome.Event);
        Assert.Equal(reason, refused.Reason);
        Assert.Equal((OrderStatus.Submitted, Quantity.Zero), (lifecycle.State.Status, lifecycle.State.FilledQuantity));
    }
}

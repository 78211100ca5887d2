using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using static Meridian.Grains.Tests.Orders.TestOrders;

namespace Meridian.Grains.Tests.Orders;

public sealed class OrderFillTests
{
    [Fact]
    public void Partial_fill_then_fill_completes_the_order()
    {
        var lifecycle = SubmittedOrder();

        var first = lifecycle.Apply(FillReport("e-1", 40m, 10m));
        var second = lifecycle.Apply(FillReport("e-2", 60m, 10m, status: OrderStatus.Filled, minute: 2));

        Assert.IsType<OrderPartiallyFilled>(first.Event);
        var filled = Assert.IsType<OrderFilled>(second.Event);
        Assert.Equal(Quantity.Of(100m), filled.FilledQuantity);
        Assert.Equal(OrderStatus.Filled, lifecycle.State.Status);
        Assert.Equal(Quantity.Zero, lifecycle.ToSnapshot().RemainingQuantity);
    }

    [Fact]
    public void Average_price_of_two_partial_fills_is_weighted_by_quantity()
    {
        // 100 x 10.00 + 50 x 10.30 = 1000 + 515 = 1515 for 150 units: 1515 / 150 = 10.10.
        var lifecycle = SubmittedOrder(Buy(quantity: 200m));
        lifecycle.Apply(FillReport("e-1", 100m, 10.00m));

        var outcome = lifecycle.Apply(FillReport("e-2", 50m, 10.30m, minute: 2));

        var partial = Assert.IsType<OrderPartiallyFilled>(outcome.Event);
        Assert.Equal((Quantity.Of(150m), Price.Of(10.10m)), (partial.FilledQuantity, partial.AveragePrice));
        Assert.Equal(Price.Of(10.10m), lifecycle.ToSnapshot().AverageFillPrice);
    }

    [Fact]
    public void Average_price_is_rounded_to_nine_decimal_places()
    {
        // 10 + 10 + 10.01 = 30.01 for 3 units: 10.0033333... rounds to 10.003333333.
        var lifecycle = SubmittedOrder(Buy(quantity: 3m));
        lifecycle.Apply(FillReport("e-1", 1m, 10m));
        lifecycle.Apply(FillReport("e-2", 1m, 10m));

        var outcome = lifecycle.Apply(FillReport("e-3", 1m, 10.01m, status: OrderStatus.Filled));

        Assert.Equal(Price.Of(10.003333333m), Assert.IsType<OrderFilled>(outcome.Event).AveragePrice);
    }

    [Fact]
    public void Commission_of_every_fill_is_added_up()
    {
        var lifecycle = SubmittedOrder();
        lifecycle.Apply(FillReport("e-1", 30m, 10m, commission: 0.35m));

        lifecycle.Apply(FillReport("e-2", 20m, 10m, commission: 0.20m));

        Assert.Equal(Money.Of(0.55m), lifecycle.ToSnapshot().Commission);
    }

    [Fact]
    public void Broker_saying_filled_with_quantity_short_is_a_partial_fill()
    {
        var lifecycle = SubmittedOrder();

        var outcome = lifecycle.Apply(FillReport("e-1", 99m, 10m, status: OrderStatus.Filled));

        Assert.IsType<OrderPartiallyFilled>(outcome.Event);
        Assert.Equal(OrderStatus.PartiallyFilled, lifecycle.State.Status);
    }

    [Fact]
    public void Broker_saying_partially_filled_when_the_quantity_completes_is_a_fill()
    {
        var lifecycle = SubmittedOrder();

        var outcome = lifecycle.Apply(FillReport("e-1", 100m, 10m, status: OrderStatus.PartiallyFilled));

        Assert.IsType<OrderFilled>(outcome.Event);
        Assert.Equal(OrderStatus.Filled, lifecycle.State.Status);
    }

    [Fact]
    public void Repeated_execution_id_is_a_duplicate_and_changes_nothing()
    {
        var lifecycle = SubmittedOrder();
        lifecycle.Apply(FillReport("e-1", 40m, 10m));
        var before = lifecycle.ToSnapshot();
        var eventCount = lifecycle.State.Events.Count;

        var outcome = lifecycle.Apply(FillReport("e-1", 40m, 10m, minute: 5));

        Assert.Equal(ReportOutcomeKind.Duplicate, outcome.Kind);
        Assert.Null(outcome.Event);
        Assert.Equal(before, lifecycle.ToSnapshot());
        Assert.Equal(eventCount, lifecycle.State.Events.Count);
    }

    [Fact]
    public void Fill_past_the_order_quantity_is_refused_and_flags_the_order()
    {
        var lifecycle = SubmittedOrder();
        lifecycle.Apply(FillReport("e-1", 60m, 10m));

        var outcome = lifecycle.Apply(FillReport("e-2", 50m, 10m, minute: 2));

        Assert.Equal(ReportOutcomeKind.Refused, outcome.Kind);
        var refused = Assert.IsType<OrderOverfillRefused>(outcome.Event);
        Assert.Equal((Quantity.Of(60m), Quantity.Of(100m)), (refused.FilledQuantity, refused.OrderQuantity));
        var snapshot = lifecycle.ToSnapshot();
        Assert.True(snapshot.OverfillFlagged);
        Assert.Equal((OrderStatus.PartiallyFilled, Quantity.Of(60m)), (snapshot.Status, snapshot.FilledQuantity));
        Assert.Equal("execution 'e-2' of 50 would fill 110 of an order for 100", outcome.Reason);
    }

    [Fact]
    public void Fill_may_arrive_before_any_acknowledgement()
    {
        var lifecycle = SubmittedOrder();

        var outcome = lifecycle.Apply(FillReport("e-1", 100m, 10m, status: OrderStatus.Filled));

        Assert.Equal(ReportOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(OrderStatus.Filled, lifecycle.State.Status);
    }

    [Fact]
    public void Applied_fill_is_handed_back_for_the_portfolio_update()
    {
        var lifecycle = SubmittedOrder();
        var report = FillReport("e-1", 40m, 10m, minute: 3);

        var outcome = lifecycle.Apply(report);
        var update = lifecycle.ToUpdate(report.Time, outcome.AppliedFill);

        Assert.Equal(report.Fill, outcome.AppliedFill);
        var expected = new OrderUpdate(Id, "pf-1", Symbol.Parse("AAPL"), Side.Buy, OrderStatus.PartiallyFilled,
            Quantity.Of(100m), Quantity.Of(40m), At(3), report.Fill);
        Assert.Equal(expected, update);
    }

    [Fact]
    public void Fill_of_an_order_that_is_already_filled_is_an_overfill()
    {
        var lifecycle = SubmittedOrder();
        lifecycle.Apply(FillReport("e-1", 100m, 10m, status: OrderStatus.Filled));

        var outcome = lifecycle.Apply(FillReport("e-2", 1m, 10m, status: OrderStatus.Filled, minute: 2));

        Assert.IsType<OrderOverfillRefused>(outcome.Event);
        Assert.Equal(Quantity.Of(100m), lifecycle.State.FilledQuantity);
    }

    [Fact]
    public void Late_fill_of_a_canceled_order_is_refused_as_an_illegal_move()
    {
        var lifecycle = SubmittedOrder();
        lifecycle.Apply(Report(OrderStatus.Canceled));

        var outcome = lifecycle.Apply(FillReport("e-1", 10m, 10m, minute: 2));

        var refused = Assert.IsType<OrderTransitionRefused>(outcome.Event);
        Assert.Equal((OrderStatus.Canceled, OrderStatus.PartiallyFilled), (refused.From, refused.To));
        Assert.Equal("the order is canceled, which is final; execution 'e-1' of 10 not applied", refused.Reason);
        Assert.Equal(Quantity.Zero, lifecycle.State.FilledQuantity);
    }
}

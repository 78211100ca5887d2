using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using static Meridian.Grains.Tests.Orders.TestOrders;

namespace Meridian.Grains.Tests.Orders;

public sealed class OrderSubmissionTests
{
    [Fact]
    public void An_unused_id_has_no_order() => Assert.False(Empty().Exists);

    [Fact]
    public void Submitted_order_exists_with_status_submitted()
    {
        var lifecycle = Empty();

        var submitted = lifecycle.Submit(Buy(), T0);

        Assert.True(lifecycle.Exists);
        Assert.Equal(new OrderSubmitted(Id, T0, Buy()), submitted);
        Assert.Equal(OrderStatus.Submitted, lifecycle.State.Status);
        Assert.Equal([submitted], lifecycle.State.Events);
        Assert.Equal((T0, T0), (lifecycle.State.CreatedAt, lifecycle.State.UpdatedAt));
    }

    [Fact]
    public void Leg_is_recorded_held_under_its_parent()
    {
        var lifecycle = Empty("o-1-sl");

        lifecycle.Submit(Buy(id: "o-1-sl"), T0, parentClientOrderId: "o-1");

        Assert.Equal(OrderStatus.Held, lifecycle.State.Status);
        Assert.Equal("o-1", lifecycle.ToSnapshot().ParentClientOrderId);
    }

    [Fact]
    public void Replacement_records_the_order_it_replaces()
    {
        var lifecycle = Empty("o-2");

        lifecycle.Submit(Buy(id: "o-2"), T0, replacesClientOrderId: "o-1");

        Assert.Equal(OrderStatus.Submitted, lifecycle.State.Status);
        Assert.Equal("o-1", lifecycle.ToSnapshot().ReplacesClientOrderId);
    }

    [Fact]
    public void Bracket_parent_names_its_take_profit_and_stop_loss_legs()
    {
        var bracket = Buy() with { Class = OrderClass.Bracket, TakeProfit = new(Price.Of(12m)), StopLoss = new(Price.Of(9m)) };

        var snapshot = SubmittedOrder(bracket).ToSnapshot();

        Assert.Equal(["o-1-tp", "o-1-sl"], snapshot.LegClientOrderIds);
    }

    [Fact]
    public void Oto_parent_names_only_the_leg_it_has()
    {
        var oto = Buy() with { Class = OrderClass.Oto, StopLoss = new(Price.Of(9m)) };

        Assert.Equal(["o-1-sl"], SubmittedOrder(oto).ToSnapshot().LegClientOrderIds);
    }

    [Fact]
    public void Simple_order_has_no_legs() => Assert.Null(SubmittedOrder().ToSnapshot().LegClientOrderIds);

    [Fact]
    public void Submitting_a_second_time_throws() =>
        Assert.Throws<InvalidOperationException>(() => SubmittedOrder().Submit(Buy(), T0));

    [Fact]
    public void Submit_refuses_a_request_that_breaks_the_order_rules()
    {
        var error = Assert.Throws<InvalidInputException>(() => Empty().Submit(Buy(quantity: 0m), T0));

        Assert.Contains("qty: must be greater than zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_refuses_a_request_under_another_id() =>
        Assert.Throws<ArgumentException>(() => Empty().Submit(Buy(id: "o-2"), T0));

    [Fact]
    public void Order_cannot_replace_itself_or_be_its_own_leg()
    {
        Assert.Throws<ArgumentException>(() => Empty().Submit(Buy(), T0, replacesClientOrderId: Id));
        Assert.Throws<ArgumentException>(() => Empty().Submit(Buy(), T0, parentClientOrderId: Id));
    }

    [Fact]
    public void Request_that_breaks_the_order_rules_can_still_be_denied()
    {
        var lifecycle = Empty();

        lifecycle.Deny(Buy(quantity: 0m), "INVALID_ORDER", "qty: must be greater than zero", T0);

        Assert.Equal(OrderStatus.Denied, lifecycle.State.Status);
    }

    [Fact]
    public void Denied_order_keeps_the_code_and_reason_and_is_final()
    {
        var lifecycle = Empty();

        var denied = lifecycle.Deny(Buy(), "NOTIONAL_EXCEEDS_MAX_PER_ORDER", "notional 1050 exceeds 1000", T0);

        var snapshot = lifecycle.ToSnapshot();
        Assert.Equal(new OrderDenied(Id, T0, Buy(), "NOTIONAL_EXCEEDS_MAX_PER_ORDER", "notional 1050 exceeds 1000"), denied);
        Assert.Equal(OrderStatus.Denied, snapshot.Status);
        Assert.Equal("NOTIONAL_EXCEEDS_MAX_PER_ORDER", snapshot.DenialCode);
        Assert.Equal("notional 1050 exceeds 1000", snapshot.StatusReason);
        Assert.Equal(Quantity.Zero, snapshot.RemainingQuantity);
    }

    [Fact]
    public void Denying_a_submitted_order_throws() =>
        Assert.Throws<InvalidOperationException>(() => SubmittedOrder().Deny(Buy(), "CODE", "reason", T0));

    [Fact]
    public void Snapshot_of_a_new_order_has_everything_left_to_fill_and_no_average_price()
    {
        var snapshot = SubmittedOrder().ToSnapshot();

        Assert.Equal(Quantity.Of(100m), snapshot.RemainingQuantity);
        Assert.Null(snapshot.AverageFillPrice);
        Assert.Equal(Money.Zero, snapshot.Commission);
    }

    [Fact]
    public void Snapshot_of_an_unused_id_throws() => Assert.Throws<InvalidOperationException>(() => Empty().ToSnapshot());
}

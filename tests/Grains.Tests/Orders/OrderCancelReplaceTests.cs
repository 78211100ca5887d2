using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using static Meridian.Grains.Domain.OrderStatus;
using static Meridian.Grains.Tests.Orders.TestOrders;

namespace Meridian.Grains.Tests.Orders;

public sealed class OrderCancelReplaceTests
{
    [Theory]
    [InlineData(Submitted)]
    [InlineData(Held)]
    [InlineData(Accepted)]
    [InlineData(PendingNew)]
    [InlineData(New)]
    [InlineData(PartiallyFilled)]
    [InlineData(DoneForDay)]
    [InlineData(Suspended)]
    public void Open_order_that_is_not_pending_may_be_canceled(OrderStatus status) => In(status).EnsureCancelable();

    [Theory]
    [InlineData(Filled, "order 'o-1' is filled and can no longer be canceled")]
    [InlineData(Canceled, "order 'o-1' is canceled and can no longer be canceled")]
    [InlineData(Expired, "order 'o-1' is expired and can no longer be canceled")]
    [InlineData(Replaced, "order 'o-1' is replaced and can no longer be canceled")]
    [InlineData(Rejected, "order 'o-1' is rejected and can no longer be canceled")]
    [InlineData(Denied, "order 'o-1' is denied and can no longer be canceled")]
    [InlineData(PendingCancel, "order 'o-1' is pending_cancel: a cancel is already under way")]
    [InlineData(PendingReplace, "order 'o-1' is pending_replace: the broker refuses cancels until the replace is answered; cancel after that")]
    public void Cancel_is_refused_with_the_reason(OrderStatus status, string message) =>
        Assert.Equal(message, Assert.Throws<OrderStateException>(In(status).EnsureCancelable).Message);

    [Fact]
    public void Cancel_of_an_unused_id_is_refused() =>
        Assert.Equal("order 'o-1' does not exist and cannot be canceled", Assert.Throws<OrderStateException>(Empty().EnsureCancelable).Message);

    [Fact]
    public void Replace_moves_a_working_order_to_pending_replace_and_links_the_new_order()
    {
        var lifecycle = In(New);

        var changed = lifecycle.BeginReplace("o-2", At(1));

        Assert.Equal(new OrderStatusChanged(Id, At(1), PendingReplace), changed);
        Assert.Equal((PendingReplace, "o-2"), (lifecycle.State.Status, lifecycle.ToSnapshot().ReplacedByClientOrderId));
        Assert.Same(changed, lifecycle.State.Events[^1]);
    }

    [Theory]
    [InlineData(New)]
    [InlineData(PartiallyFilled)]
    [InlineData(DoneForDay)]
    [InlineData(Held)]
    public void Working_or_held_order_may_be_replaced(OrderStatus status) =>
        Assert.Equal(PendingReplace, In(status).BeginReplace("o-2", At(1)).NewStatus);

    [Theory]
    [InlineData(Submitted, "order 'o-1' is submitted: the broker accepts a replace only once the order is working (new); retry then")]
    [InlineData(Accepted, "order 'o-1' is accepted: the broker accepts a replace only once the order is working (new); retry then")]
    [InlineData(PendingNew, "order 'o-1' is pending_new: the broker accepts a replace only once the order is working (new); retry then")]
    [InlineData(PendingCancel, "order 'o-1' is pending_cancel: wait until the broker answers that request, then replace")]
    [InlineData(PendingReplace, "order 'o-1' is pending_replace: wait until the broker answers that request, then replace")]
    [InlineData(Suspended, "order 'o-1' is suspended and not eligible for trading; replace it after it resumes, or cancel it")]
    [InlineData(Filled, "order 'o-1' is filled and can no longer be replaced")]
    [InlineData(Canceled, "order 'o-1' is canceled and can no longer be replaced")]
    [InlineData(Expired, "order 'o-1' is expired and can no longer be replaced")]
    [InlineData(Replaced, "order 'o-1' is replaced and can no longer be replaced")]
    [InlineData(Rejected, "order 'o-1' is rejected and can no longer be replaced")]
    [InlineData(Denied, "order 'o-1' is denied and can no longer be replaced")]
    public void Replace_is_refused_with_the_reason(OrderStatus status, string message)
    {
        var lifecycle = In(status);

        var error = Assert.Throws<OrderStateException>(() => lifecycle.BeginReplace("o-2", At(1)));

        Assert.Equal(message, error.Message);
        Assert.Equal(status, lifecycle.State.Status);
    }

    [Fact]
    public void Replace_of_an_unused_id_is_refused() =>
        Assert.Throws<OrderStateException>(() => Empty().BeginReplace("o-2", At(1)));

    [Fact]
    public void Replace_needs_a_new_client_order_id() =>
        Assert.Throws<ArgumentException>(() => In(New).BeginReplace(Id, At(1)));

    [Fact]
    public void Broker_echo_of_pending_replace_after_a_replace_began_is_a_duplicate()
    {
        var lifecycle = In(New);
        lifecycle.BeginReplace("o-2", At(1));

        var outcome = lifecycle.Apply(Report(PendingReplace, minute: 2));

        Assert.Equal(ReportOutcomeKind.Duplicate, outcome.Kind);
        Assert.Equal("o-2", lifecycle.State.ReplacedByClientOrderId);
    }
}

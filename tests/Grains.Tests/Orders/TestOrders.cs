using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Tests.Orders;

/// <summary>Requests, reports and lifecycles the order tests start from: a limit buy of 100 AAPL under id "o-1".</summary>
internal static class TestOrders
{
    public const string Id = "o-1";

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 14, 30, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minute) => T0.AddMinutes(minute);

    public static OrderRequest Buy(decimal quantity = 100m, string id = Id) =>
        new(id, "pf-1", Symbol.Parse("AAPL"), Side.Buy, Quantity.Of(quantity), OrderType.Limit, LimitPrice: Price.Of(10.50m));

    public static OrderLifecycle Empty(string id = Id) => new(id, new OrderState());

    public static OrderLifecycle SubmittedOrder(OrderRequest? request = null)
    {
        var lifecycle = Empty();
        lifecycle.Submit(request ?? Buy(), T0);
        return lifecycle;
    }

    /// <summary>
    /// A submitted order of 100 forced into <paramref name="status"/>, for tests of one move from there. A partially
    /// filled order has 10 filled at 10.00, and a filled order has all 100 filled at 10.00.
    /// </summary>
    public static OrderLifecycle In(OrderStatus status)
    {
        var lifecycle = SubmittedOrder();
        var state = lifecycle.State;
        state.Status = status;
        var filled = status switch { OrderStatus.PartiallyFilled => 10m, OrderStatus.Filled => 100m, _ => 0m };
        state.FilledQuantity = Quantity.Of(filled);
        state.FilledNotional = filled * 10m;
        return lifecycle;
    }

    public static ExecutionReport Report(OrderStatus status, int minute = 1, string? reason = null, string? brokerOrderId = null) =>
        new(Id, status, At(minute), brokerOrderId, Reason: reason);

    public static ExecutionReport FillReport(
        string executionId, decimal quantity, decimal price, decimal commission = 0m, OrderStatus status = OrderStatus.PartiallyFilled, int minute = 1) =>
        new(Id, status, At(minute), Fill: new Fill(executionId, Quantity.Of(quantity), Price.Of(price), Money.Of(commission), At(minute)));
}

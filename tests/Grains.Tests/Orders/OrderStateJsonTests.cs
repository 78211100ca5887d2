using System.Text.Json;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Runtime.Storage;
using static Meridian.Grains.Tests.Orders.TestOrders;

namespace Meridian.Grains.Tests.Orders;

public sealed class OrderStateJsonTests
{
    [Fact]
    public void State_with_every_kind_of_event_round_trips_through_state_json()
    {
        var state = StateWithEveryEvent();

        var json = JsonSerializer.Serialize(state, StateJson.Options);
        var back = JsonSerializer.Deserialize<OrderState>(json, StateJson.Options)!;

        Assert.Equal(state.Events, back.Events);
        Assert.Equal(state.Request, back.Request);
        Assert.Equal(state.ExecutionIds, back.ExecutionIds);
        Assert.Equal(state.LegClientOrderIds, back.LegClientOrderIds);
        Assert.Equal(json, JsonSerializer.Serialize(back, StateJson.Options));
    }

    [Fact]
    public void Round_trip_test_covers_every_kind_of_event()
    {
        var kinds = typeof(OrderEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(OrderEvent)) && !t.IsAbstract);

        Assert.Equal(kinds.OrderBy(t => t.Name), StateWithEveryEvent().Events.Select(e => e.GetType()).Distinct().OrderBy(t => t.Name));
    }

    [Fact]
    public void State_is_stored_in_snake_case_with_enum_names_and_decimals_as_strings()
    {
        var json = JsonSerializer.Serialize(StateWithEveryEvent(), StateJson.Options);

        Assert.Contains("\"filled_quantity\":\"40\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"PartiallyFilled\"", json, StringComparison.Ordinal);
        Assert.Contains("\"event\":\"order_overfill_refused\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_an_event_implies_is_not_stored()
    {
        var json = JsonSerializer.Serialize(StateWithEveryEvent(), StateJson.Options);

        // Refusal events imply no status; a stored "status" of null would show the derived property leaked into storage.
        Assert.DoesNotContain("\"status\":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\":\"Submitted\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Restored_state_still_recognises_an_applied_execution()
    {
        var json = JsonSerializer.Serialize(StateWithEveryEvent(), StateJson.Options);
        var restored = new OrderLifecycle(Id, JsonSerializer.Deserialize<OrderState>(json, StateJson.Options)!);

        var outcome = restored.Apply(FillReport("e-1", 40m, 10m));

        Assert.Equal(ReportOutcomeKind.Duplicate, outcome.Kind);
    }

    /// <summary>
    /// A state with every field set and one event of each kind. The history is not one real order's: an order is either
    /// submitted or denied, never both. It is a storage test, not a lifecycle test.
    /// </summary>
    private static OrderState StateWithEveryEvent()
    {
        var request = Buy() with { Class = OrderClass.Bracket, TakeProfit = new(Price.Of(12m)), StopLoss = new(Price.Of(9m), Price.Of(8.9m)) };
        var fill = new Fill("e-1", Quantity.Of(40m), Price.Of(10.25m), Money.Of(0.35m), At(2));
        return new OrderState
        {
            Request = request,
            Status = OrderStatus.PartiallyFilled,
            FilledQuantity = Quantity.Of(40m),
            FilledNotional = 410m,
            Commission = Money.Of(0.35m),
            BrokerOrderId = "b-1",
            ReplacesClientOrderId = "o-0",
            ReplacedByClientOrderId = "o-2",
            ParentClientOrderId = "p-1",
            LegClientOrderIds = ["o-1-tp", "o-1-sl"],
            DenialCode = "NOTIONAL_EXCEEDS_MAX_PER_ORDER",
            StatusReason = "because",
            OverfillFlagged = true,
            ExecutionIds = ["e-1"],
            Events =
            [
                new OrderSubmitted(Id, T0, request, "o-0", "p-1"),
                new OrderDenied(Id, T0, request, "NOTIONAL_EXCEEDS_MAX_PER_ORDER", "notional 1050 exceeds 1000"),
                new OrderStatusChanged(Id, At(1), OrderStatus.New, "b-1"),
                new OrderPartiallyFilled(Id, At(2), fill, Quantity.Of(40m), Price.Of(10.25m)),
                new OrderFilled(Id, At(3), fill with { ExecutionId = "e-2" }, Quantity.Of(100m), Price.Of(10.1m)),
                new OrderCanceled(Id, At(4), "user requested"),
                new OrderReplaced(Id, At(5), "o-2"),
                new OrderRejected(Id, At(6), "insufficient buying power"),
                new OrderExpired(Id, At(7)),
                new OrderTransitionRefused(Id, At(8), OrderStatus.Canceled, OrderStatus.New, "the order is canceled, which is final"),
                new OrderOverfillRefused(Id, At(9), fill with { ExecutionId = "e-3" }, Quantity.Of(40m), Quantity.Of(100m)),
            ],
            CreatedAt = T0,
            UpdatedAt = At(9),
        };
    }
}

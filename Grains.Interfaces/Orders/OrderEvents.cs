using System.Text.Json.Serialization;
using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>Something that happened to an order, in the past tense. An order's history is the list of its events.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(OrderSubmitted), "order_submitted")]
[JsonDerivedType(typeof(OrderDenied), "order_denied")]
[JsonDerivedType(typeof(OrderStatusChanged), "order_status_changed")]
[JsonDerivedType(typeof(OrderPartiallyFilled), "order_partially_filled")]
[JsonDerivedType(typeof(OrderFilled), "order_filled")]
[JsonDerivedType(typeof(OrderCanceled), "order_canceled")]
[JsonDerivedType(typeof(OrderReplaced), "order_replaced")]
[JsonDerivedType(typeof(OrderRejected), "order_rejected")]
[JsonDerivedType(typeof(OrderExpired), "order_expired")]
[JsonDerivedType(typeof(OrderTransitionRefused), "order_transition_refused")]
[JsonDerivedType(typeof(OrderOverfillRefused), "order_overfill_refused")]
public abstract record OrderEvent(string ClientOrderId, DateTimeOffset Time)
{
    /// <summary>The status the order has after this event; null for events that leave it unchanged (refusals).</summary>
    /// <remarks>Derived, so not stored. System.Text.Json does not carry [JsonIgnore] over to overrides, so each override repeats it.</remarks>
    [JsonIgnore]
    public abstract OrderStatus? Status { get; }
}

/// <summary>The order was recorded and sent to the broker, or, when <see cref="External"/>, found at the broker (placed outside this platform) and adopted.</summary>
public sealed record OrderSubmitted(
    string ClientOrderId, DateTimeOffset Time, OrderRequest Request, string? ReplacesClientOrderId = null, string? ParentClientOrderId = null, bool External = false)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => ParentClientOrderId is null ? OrderStatus.Submitted : OrderStatus.Held;
}

/// <summary>The pre-trade risk gate refused the order; it never reached a broker.</summary>
public sealed record OrderDenied(string ClientOrderId, DateTimeOffset Time, OrderRequest Request, string Code, string Reason)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => OrderStatus.Denied;
}

/// <summary>
/// The broker moved the order to a status that needs no data of its own: accepted, pending_new, new (routed),
/// done_for_day, pending_cancel, pending_replace, suspended, held.
/// </summary>
public sealed record OrderStatusChanged(string ClientOrderId, DateTimeOffset Time, OrderStatus NewStatus, string? BrokerOrderId = null)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => NewStatus;
}

/// <summary>Part of the order traded; <see cref="FilledQuantity"/> is the total so far.</summary>
public sealed record OrderPartiallyFilled(string ClientOrderId, DateTimeOffset Time, Fill Fill, Quantity FilledQuantity, Price AveragePrice)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => OrderStatus.PartiallyFilled;
}

/// <summary>The last of the order traded.</summary>
public sealed record OrderFilled(string ClientOrderId, DateTimeOffset Time, Fill Fill, Quantity FilledQuantity, Price AveragePrice)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => OrderStatus.Filled;
}

/// <summary>The order was canceled (by the client, a sibling leg filling, or the venue).</summary>
public sealed record OrderCanceled(string ClientOrderId, DateTimeOffset Time, string? Reason = null)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => OrderStatus.Canceled;
}

/// <summary>The order was replaced by <see cref="ReplacedByClientOrderId"/>.</summary>
public sealed record OrderReplaced(string ClientOrderId, DateTimeOffset Time, string ReplacedByClientOrderId)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => OrderStatus.Replaced;
}

/// <summary>The broker or venue refused the order.</summary>
public sealed record OrderRejected(string ClientOrderId, DateTimeOffset Time, string Reason)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => OrderStatus.Rejected;
}

/// <summary>The order's time in force ran out.</summary>
public sealed record OrderExpired(string ClientOrderId, DateTimeOffset Time, string? Reason = null)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => OrderStatus.Expired;
}

/// <summary>A report asked for a move the state machine does not allow; it was not applied.</summary>
public sealed record OrderTransitionRefused(string ClientOrderId, DateTimeOffset Time, OrderStatus From, OrderStatus To, string Reason)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => null;
}

/// <summary>A fill would have taken the order past its quantity; it was not applied and the order is flagged.</summary>
public sealed record OrderOverfillRefused(string ClientOrderId, DateTimeOffset Time, Fill Fill, Quantity FilledQuantity, Quantity OrderQuantity)
    : OrderEvent(ClientOrderId, Time)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override OrderStatus? Status => null;
}

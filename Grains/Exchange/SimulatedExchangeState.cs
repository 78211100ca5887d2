using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Exchange;

/// <summary>
/// Everything a <see cref="SimulatedExchangeBook"/> remembers for one symbol; plain get/set properties so it persists as
/// JSON (<c>StateJson.Options</c>). Orders leave it when they reach a final status.
/// </summary>
public sealed class SimulatedExchangeState
{
    /// <summary>The orders that can still fill or be activated, in submission order: the order the book works them in.</summary>
    public List<WorkingOrder> Orders { get; set; } = [];

    /// <summary>The last order number handed out; broker order ids are <c>sim-&lt;number&gt;</c>.</summary>
    public long LastOrderNumber { get; set; }

    /// <summary>The open time of the last bar worked; a bar at or before it is a redelivery and is ignored.</summary>
    public DateTimeOffset? LastBarTime { get; set; }

    internal WorkingOrder? Find(string clientOrderId) => Orders.Find(o => o.ClientOrderId == clientOrderId);

    /// <summary>The working members of a group, in submission order, copied so the caller may end them as it goes.</summary>
    internal List<WorkingOrder> Group(string groupId) => Orders.FindAll(o => o.GroupId == groupId);
}

/// <summary>What an order is to its group.</summary>
public enum OrderRole
{
    /// <summary>A simple order, in no group.</summary>
    Standalone,

    /// <summary>The entry of a bracket or OTO order; its exits wait (held) until it fills completely.</summary>
    Entry,

    /// <summary>The limit exit of a group (for OCO, the parent order itself).</summary>
    TakeProfit,

    /// <summary>The stop or stop-limit exit of a group.</summary>
    StopLoss,
}

/// <summary>One order the book is working (or holding), with what the bars so far have done to it.</summary>
public sealed class WorkingOrder
{
    /// <summary>The order as submitted; for an exit leg, the leg's own request (see <see cref="OrderGroups"/>).</summary>
    public required OrderRequest Request { get; set; }

    /// <summary>The book's order number: the broker order id is <c>sim-&lt;Number&gt;</c>, fill ids <c>sim-&lt;Number&gt;-&lt;n&gt;</c>.</summary>
    public long Number { get; set; }

    /// <summary><see cref="OrderStatus.New"/>, <see cref="OrderStatus.PartiallyFilled"/> or <see cref="OrderStatus.Held"/>.</summary>
    public OrderStatus Status { get; set; }

    /// <summary>What the order is to its group.</summary>
    public OrderRole Role { get; set; }

    /// <summary>The client order id of the group's parent (its own for the parent), or null for a standalone order.</summary>
    public string? GroupId { get; set; }

    /// <summary>When the order was accepted; its day session is the one this instant belongs to. Exit legs keep the parent's.</summary>
    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>The first bar the order may trade in is the first with <c>Time</c> at or after this (acceptance, or for an exit leg the end of the entry's last fill bar).</summary>
    public DateTimeOffset EligibleFrom { get; set; }

    /// <summary>The open time of the first bar the order was eligible for; null before it. Daily-bar sessions are counted from it.</summary>
    public DateTimeOffset? FirstEligibleBarTime { get; set; }

    /// <summary>How much has filled (for a replacing order, including what the replaced order filled).</summary>
    public Quantity FilledQuantity { get; set; }

    /// <summary>How many fills the order has had; the next fill's id ends in this plus one.</summary>
    public int ExecutionCount { get; set; }

    /// <summary>True once a stop, stop-limit or trailing stop has triggered: it is then a market (or, for stop-limit, limit) order.</summary>
    public bool Triggered { get; set; }

    /// <summary>A trailing stop's best price so far: the highest price for a sell, the lowest for a buy. Null before its first bar.</summary>
    public Price? WaterMark { get; set; }

    internal string ClientOrderId => Request.ClientOrderId;

    internal string BrokerOrderId => $"sim-{Number}";

    internal Quantity RemainingQuantity => Request.Quantity - FilledQuantity;

    internal bool IsExit => Role is OrderRole.TakeProfit or OrderRole.StopLoss;
}

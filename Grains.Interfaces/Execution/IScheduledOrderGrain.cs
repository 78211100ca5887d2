using Meridian.Grains.Domain;
using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Grains.Execution;

/// <summary>
/// A parent order worked over time, keyed by the parent's id: it computes the schedule and, at each slice's time on the
/// silo's clock, submits the slice as a market order through the parent's portfolio, with the client order id
/// <c>{parent}-c{slice:D3}</c>. Which slices went out is durable, so a reactivation sends none twice.
/// </summary>
public interface IScheduledOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Computes the schedule and starts working it. A bad parent throws <see cref="InvalidInputException"/> listing every
    /// field at fault; starting again with the same parent changes nothing; a different parent under the same id throws
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    Task<ScheduledOrderProgress> StartAsync(ParentOrder order);

    /// <summary>Sends no more children (those sent stay as they are); throws <see cref="InvalidOperationException"/> when never started.</summary>
    Task<ScheduledOrderProgress> CancelAsync();

    /// <summary>The schedule and what has been sent, or null when never started.</summary>
    [ReadOnly]
    Task<ScheduledOrderProgress?> GetAsync();
}

/// <summary>Where a parent order stands.</summary>
public enum ScheduledOrderStatus
{
    /// <summary>Slices remain to be sent.</summary>
    Working,

    /// <summary>Every slice has been sent.</summary>
    Completed,

    /// <summary>Canceled before every slice was sent.</summary>
    Canceled,

    /// <summary>A child could not be submitted (see the error); no more are sent.</summary>
    Failed,
}

/// <summary>One child order sent: its slice (from 1), client order id, shares, when, and its status on submission (submitted or denied).</summary>
public sealed record ChildOrder(int Slice, string ClientOrderId, Quantity Quantity, DateTimeOffset SentAt, OrderStatus Status);

/// <summary>A parent order's schedule and progress.</summary>
/// <param name="ParentId">The parent's id (the grain's key).</param>
/// <param name="Order">The parent as started.</param>
/// <param name="Schedule">Its slices.</param>
/// <param name="Status">Working, completed, canceled or failed.</param>
/// <param name="SlicesDone">Slices whose time has come and gone: sent, or skipped for having no shares.</param>
/// <param name="Children">The children sent, in order.</param>
/// <param name="NextSliceAt">When the next slice is due, or null when none will be sent.</param>
/// <param name="Error">Why the parent failed, or null.</param>
public sealed record ScheduledOrderProgress(
    string ParentId,
    ParentOrder Order,
    ExecutionSchedule Schedule,
    ScheduledOrderStatus Status,
    int SlicesDone,
    IReadOnlyList<ChildOrder> Children,
    DateTimeOffset? NextSliceAt,
    string? Error)
{
    /// <summary>Shares handed to the portfolio so far (a child the risk gate denied included).</summary>
    public Quantity QuantitySent => Children.Aggregate(Quantity.Zero, (sent, child) => sent + child.Quantity);

    /// <summary>Shares not sent: the parent's quantity less <see cref="QuantitySent"/>.</summary>
    public Quantity QuantityRemaining => Order.Quantity - QuantitySent;
}

using Meridian.Grains.Domain;

namespace Meridian.Grains.Execution;

/// <summary>One child of a schedule: when it goes out, counted from the parent's start, and how many shares.</summary>
public sealed record ExecutionSlice(TimeSpan Offset, Quantity Quantity);

/// <summary>
/// How a parent order is split over time: slices in time order whose quantities, whole shares, add up exactly to the
/// parent's quantity. A slice may be zero shares (a quiet volume bucket, or fewer shares than slices); it sends nothing.
/// </summary>
public sealed record ExecutionSchedule(IReadOnlyList<ExecutionSlice> Slices)
{
    /// <summary>The shares of every slice together: the parent's quantity.</summary>
    public Quantity Total => Slices.Aggregate(Quantity.Zero, (total, slice) => total + slice.Quantity);
}

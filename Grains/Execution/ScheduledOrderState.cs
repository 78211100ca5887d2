namespace Meridian.Grains.Execution;

/// <summary>The persisted state of a <see cref="ScheduledOrderGrain"/>.</summary>
public sealed class ScheduledOrderState
{
    /// <summary>The parent, once started.</summary>
    public ParentOrder? Order { get; set; }

    /// <summary>Its slices, computed once at the start.</summary>
    public ExecutionSchedule? Schedule { get; set; }

    /// <summary>Working, completed, canceled or failed.</summary>
    public ScheduledOrderStatus Status { get; set; }

    /// <summary>Slices whose time has come and gone: the next slice to send is this one plus one.</summary>
    public int SlicesDone { get; set; }

    /// <summary>The children sent, in order.</summary>
    public List<ChildOrder> Children { get; set; } = [];

    /// <summary>Why the parent failed, or null.</summary>
    public string? Error { get; set; }
}

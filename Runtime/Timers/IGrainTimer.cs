namespace Meridian.Runtime.Timers;

/// <summary>A grain timer; dispose it to stop it. It is disposed with its activation.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period of the next tick.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

/// <summary>How a grain timer ticks (Orleans' GrainTimerCreationOptions).</summary>
public readonly record struct GrainTimerCreationOptions
{
    /// <summary>Options with a due time and a period.</summary>
    public GrainTimerCreationOptions(TimeSpan dueTime, TimePeriod period)
    {
        DueTime = dueTime;
        Period = period.Value;
    }

    /// <summary>Time until the first tick; <see cref="Timeout.InfiniteTimeSpan"/> for never.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Time from the end of one tick to the next; <see cref="Timeout.InfiniteTimeSpan"/> for one tick only.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>True: ticks interleave with requests. False (default): a tick waits for the activation like a request.</summary>
    public bool Interleave { get; init; }

    /// <summary>True (default): ticks count as activity and keep the activation from idle collection.</summary>
    public bool KeepAlive { get; init; } = true;

    /// <summary>A period wrapper so the two-argument constructor reads as (due, period).</summary>
    public readonly record struct TimePeriod(TimeSpan Value)
    {
        /// <summary>Converts a <see cref="TimeSpan"/>.</summary>
        public static implicit operator TimePeriod(TimeSpan value) => new(value);

        /// <summary>Converts a <see cref="TimeSpan"/>.</summary>
        public static TimePeriod FromTimeSpan(TimeSpan value) => new(value);
    }
}

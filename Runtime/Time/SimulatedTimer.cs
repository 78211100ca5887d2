namespace Meridian.Runtime.Time;

/// <summary>A timer on a <see cref="SimulatedClock"/>.</summary>
internal sealed class SimulatedTimer(SimulatedClock clock, TimerCallback callback, object? state) : ITimer
{
    private readonly Lock _lock = new();
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private DateTimeOffset? _due;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            if (_disposed)
                return false;
            clock.Unschedule(this);
            _period = period;
            _due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            if (_due is { } due)
                clock.Schedule(this, due);
            return true;
        }
    }

    /// <summary>Fires the occurrence due at <paramref name="due"/>, unless the timer was changed since it was taken off the queue.</summary>
    public void Fire(DateTimeOffset due)
    {
        lock (_lock)
        {
            if (_disposed || _due != due)
                return;
            _due = _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero ? clock.GetUtcNow() + _period : null;
            if (_due is { } next)
                clock.Schedule(this, next);
        }

        callback(state);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            clock.Unschedule(this);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}

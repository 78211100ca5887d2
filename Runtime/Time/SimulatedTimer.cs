namespace Meridian.Runtime.Time;

/// <summary>A timer on a <see cref="SimulatedClock"/>.</summary>
internal sealed class SimulatedTimer(SimulatedClock clock, TimerCallback callback, object? state) : ITimer
{
    private readonly Lock _lock = new();
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            if (_disposed)
                return false;
            clock.Unschedule(this);
            _period = period;
            if (dueTime != Timeout.InfiniteTimeSpan)
                clock.Schedule(this, clock.GetUtcNow() + dueTime);
            return true;
        }
    }

    public void Fire()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                clock.Schedule(this, clock.GetUtcNow() + _period);
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

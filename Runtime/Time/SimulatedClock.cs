namespace Meridian.Runtime.Time;

/// <summary>
/// A clock that moves only when told to, for backtests and tests. Timers (grain timers, the idle collector,
/// <c>Task.Delay(t, clock)</c>) fire in due-time order, then registration order; between two firings the clock
/// waits until all work caused by the previous one is done, so that a run is deterministic.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<SimulatedTimer, (DateTimeOffset Due, long Sequence)> _timers = new();
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Starts the clock at <paramref name="start"/> (UTC).</summary>
    public SimulatedClock(DateTimeOffset start) => _now = start.ToUniversalTime();

    /// <summary>Starts the clock at 2024-01-01 00:00 UTC.</summary>
    public SimulatedClock() : this(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    internal WorkTracker Work { get; } = new();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
            return _now;
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SimulatedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Waits until no work is pending and no timer is due at the current time: every effect of what happened so
    /// far has happened.
    /// </summary>
    public async Task RunUntilIdleAsync()
    {
        while (true)
        {
            await Work.WhenIdleAsync().ConfigureAwait(false);
            if (!FireNextDue(GetUtcNow()) && Work.Pending == 0)
                return;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="duration"/>, firing the timers due on the way, each in turn.</summary>
    public Task AdvanceAsync(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return AdvanceToAsync(GetUtcNow() + duration);
    }

    /// <summary>Moves the clock forward to <paramref name="target"/>, firing the timers due on the way, each in turn.</summary>
    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        var now = GetUtcNow();
        if (target < now)
            throw new ArgumentOutOfRangeException(nameof(target), target, $"the clock is at {now:O} and cannot go back");
        await RunUntilIdleAsync().ConfigureAwait(false);
        while (true)
        {
            SimulatedTimer? next;
            lock (_lock)
            {
                if (target < _now)
                    throw new ArgumentOutOfRangeException(nameof(target), target, $"the clock is at {_now:O} and cannot go back");
                if (!_timers.TryPeek(out next, out var key) || key.Due > target)
                {
                    _now = target;
                    break;
                }

                _now = key.Due;
            }

            await RunUntilIdleAsync().ConfigureAwait(false);
        }

        await RunUntilIdleAsync().ConfigureAwait(false);
    }

    /// <summary>Fires the earliest timer due at or before <paramref name="now"/>; false when none is.</summary>
    private bool FireNextDue(DateTimeOffset now)
    {
        SimulatedTimer timer;
        DateTimeOffset due;
        lock (_lock)
        {
            if (!_timers.TryPeek(out timer!, out var key) || key.Due > now)
                return false;
            _timers.Dequeue();
            due = key.Due;
        }

        timer.Fire(due);
        return true;
    }

    internal void Schedule(SimulatedTimer timer, DateTimeOffset due)
    {
        lock (_lock)
            _timers.Enqueue(timer, (due, _sequence++));
    }

    internal void Unschedule(SimulatedTimer timer)
    {
        lock (_lock)
            _timers.Remove(timer, out _, out _);
    }
}

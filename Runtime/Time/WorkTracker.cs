namespace Meridian.Runtime.Time;

/// <summary>
/// Counts work the runtime has queued or is running (work items, inline turns, storage operations, stream
/// deliveries) so that a simulated clock knows when everything caused by the last event is done.
/// </summary>
internal sealed class WorkTracker
{
    private readonly Lock _lock = new();
    private long _pending;
    private TaskCompletionSource? _idle;

    public long Pending => Interlocked.Read(ref _pending);

    public void Increment() => Interlocked.Increment(ref _pending);

    public void Decrement()
    {
        if (Interlocked.Decrement(ref _pending) != 0)
            return;
        TaskCompletionSource? idle;
        lock (_lock)
        {
            // Work may have been added since the count reached zero: then this is not the moment to wake anyone.
            if (Pending != 0)
                return;
            idle = _idle;
            _idle = null;
        }

        idle?.TrySetResult();
    }

    /// <summary>Completes when no work is pending (at once when none is).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            if (Pending == 0)
                return Task.CompletedTask;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    /// <summary>Counts an operation (storage I/O, a stream delivery) until the returned scope is disposed.</summary>
    public Scope Track()
    {
        Increment();
        return new Scope(this);
    }

    public readonly struct Scope(WorkTracker? tracker) : IDisposable
    {
        public void Dispose() => tracker?.Decrement();
    }
}

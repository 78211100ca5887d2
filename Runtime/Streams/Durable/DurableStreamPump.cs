namespace Meridian.Runtime.Streams.Durable;

/// <summary>
/// Delivers one stream's committed events in sequence order. Each event goes to every subscriber whose
/// checkpoint is behind it, one after the other; the next event waits until every subscriber is done with this
/// one (delivered, or dead-lettered after the retry deadline), so each subscriber sees the stream in order.
/// On a simulated clock the pump counts as one piece of work while it runs, and not while it waits to retry.
/// Paused until the provider has queued what it recovered, and stopped before the silo deactivates grains.
/// Events are kept by sequence number, so one recovered from the database and also handed over by the appender
/// is delivered once, and in its place.
/// </summary>
internal sealed class DurableStreamPump(DurableStreamProvider provider, StreamId streamId)
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, StreamEvent> _events = [];
    private long _taken;
    private bool _running;
    private bool _paused = true;
    private bool _stopped;
    private Task _pump = Task.CompletedTask;

    public void Enqueue(StreamEvent e)
    {
        lock (_lock)
        {
            if (_stopped || e.Sequence <= _taken || !_events.TryAdd(e.Sequence, e))
                return;
            StartIfIdle();
        }
    }

    /// <summary>Starts delivering (after recovery).</summary>
    public void Resume()
    {
        lock (_lock)
        {
            _paused = false;
            StartIfIdle();
        }
    }

    /// <summary>Stops taking events: the delivery under way may finish; what is still queued stays in the database for the next start.</summary>
    public void Halt()
    {
        lock (_lock)
            _stopped = _paused = true;
    }

    /// <summary>Completes when the halted pump has finished its delivery under way.</summary>
    public async Task StoppedAsync()
    {
        Task pump;
        lock (_lock)
            pump = _pump;
        await pump.ConfigureAwait(false);
        lock (_lock)
            _events.Clear();
    }

    private void StartIfIdle()
    {
        if (_running || _paused || _events.Count == 0)
            return;
        _running = true;
        provider.Runtime.WorkTracker?.Increment();
        _pump = Task.Run(PumpAsync);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            StreamEvent e;
            lock (_lock)
            {
                if (_paused || _events.Count == 0)
                {
                    _running = false;
                    provider.Runtime.WorkTracker?.Decrement();
                    return;
                }

                (_taken, e) = _events.First();
                _events.Remove(_taken);
            }

            try
            {
                foreach (var subscription in provider.PubSub.SubscribersOf(streamId))
                {
                    if (Volatile.Read(ref _paused))
                        break; // stopping: the event stays behind this subscriber's checkpoint
                    if (!subscription.IsRemoved && provider.Checkpoints.Get(subscription) < e.Sequence)
                        await provider.DeliverUntilDoneAsync(e, subscription).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                // Only finding the subscribers can throw here (deliveries handle their own errors): the event stays
                // behind every checkpoint and is delivered again after a restart.
                provider.Runtime.Log.StreamDeliveryFailed(streamId.ToString(), Guid.Empty, exception);
            }
        }
    }
}

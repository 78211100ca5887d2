namespace Meridian.Runtime.Streams.Durable;

/// <summary>
/// Delivers one stream's committed events in sequence order. Each event goes to every subscriber whose
/// checkpoint is behind it, all at once; the next event waits until every subscriber is done with this one
/// (delivered, or dead-lettered after the retry deadline), so each subscriber sees the stream in order.
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
            provider.Runtime.WorkTracker?.Increment();
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

    /// <summary>Stops after the event being delivered; what is still queued stays in the database for the next start.</summary>
    public async Task StopAsync()
    {
        Task pump;
        lock (_lock)
        {
            _stopped = _paused = true;
            pump = _pump;
        }

        await pump.ConfigureAwait(false);
        lock (_lock)
        {
            for (var i = 0; i < _events.Count; i++)
                provider.Runtime.WorkTracker?.Decrement();
            _events.Clear();
        }
    }

    private void StartIfIdle()
    {
        if (_running || _paused || _events.Count == 0)
            return;
        _running = true;
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
                    return;
                }

                (_taken, e) = _events.First();
                _events.Remove(_taken);
            }

            try
            {
                var deliveries = provider.PubSub.SubscribersOf(streamId)
                    .Where(subscription => !subscription.IsRemoved && provider.Checkpoints.Get(subscription) < e.Sequence)
                    .Select(subscription => provider.DeliverUntilDoneAsync(e, subscription));
                await Task.WhenAll(deliveries).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // Only finding the subscribers can throw here (deliveries handle their own errors): the event stays
                // behind every checkpoint and is delivered again after a restart.
                provider.Runtime.Log.StreamDeliveryFailed(streamId.ToString(), Guid.Empty, exception);
            }
            finally
            {
                provider.Runtime.WorkTracker?.Decrement();
            }
        }
    }
}

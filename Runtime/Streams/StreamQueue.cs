namespace Meridian.Runtime.Streams;

/// <summary>
/// The events of one stream waiting for delivery. One pump per stream delivers them in order, each to every
/// subscriber in turn; a failed delivery is logged and does not stop the stream (the durable provider retries
/// and dead-letters instead).
/// </summary>
internal sealed class StreamQueue(MemoryStreamProvider provider, StreamId streamId)
{
    private readonly Lock _lock = new();
    private readonly Queue<Func<StreamSubscription, long, Task>> _events = new();
    private long _sequence;
    private bool _pumping;

    public void Enqueue(Func<StreamSubscription, long, Task> deliver)
    {
        provider.Runtime.WorkTracker?.Increment();
        bool start;
        lock (_lock)
        {
            _events.Enqueue(deliver);
            start = !_pumping;
            _pumping = true;
        }

        if (start)
            _ = Task.Run(PumpAsync);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            Func<StreamSubscription, long, Task> deliver;
            long sequence;
            lock (_lock)
            {
                if (!_events.TryDequeue(out deliver!))
                {
                    _pumping = false;
                    return;
                }

                sequence = ++_sequence;
            }

            try
            {
                foreach (var subscription in provider.PubSub.SubscribersOf(streamId))
                {
                    if (subscription.IsRemoved)
                        continue;
                    try
                    {
                        await deliver(subscription, sequence).ConfigureAwait(false);
                    }
                    catch (Exception exception)
                    {
                        provider.Runtime.Log.StreamDeliveryFailed(streamId.ToString(), subscription.HandleId, exception);
                    }
                }
            }
            catch (Exception exception)
            {
                // Finding the subscribers failed: the event cannot be delivered, the stream goes on.
                provider.Runtime.Log.StreamDeliveryFailed(streamId.ToString(), Guid.Empty, exception);
            }
            finally
            {
                provider.Runtime.WorkTracker?.Decrement();
            }
        }
    }
}

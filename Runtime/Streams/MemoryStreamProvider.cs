using Meridian.Runtime.Core;

namespace Meridian.Runtime.Streams;

/// <summary>
/// Streams in memory: events are queued per stream and delivered to each subscriber in order, one event at a
/// time. Nothing survives the process; the durable provider keeps events, subscriptions and checkpoints in the
/// database.
/// </summary>
internal sealed class MemoryStreamProvider(string name, GrainRuntime runtime) : StreamProviderBase(name, runtime)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<StreamId, StreamQueue> _queues = [];

    internal override Task PublishAsync<T>(StreamId streamId, T item, Guid? eventId)
    {
        StreamQueue queue;
        lock (_lock)
        {
            if (!_queues.TryGetValue(streamId, out queue!))
                _queues[streamId] = queue = new StreamQueue(this, streamId);
        }

        var id = eventId ?? Guid.NewGuid();
        queue.Enqueue((subscription, sequence) => StreamDelivery.DeliverAsync(this, subscription, item, new StreamSequenceToken(sequence) { EventId = id }));
        return Task.CompletedTask;
    }
}

using Meridian.Runtime.Core;

namespace Meridian.Runtime.Streams;

/// <summary>
/// Streams in memory: events are queued per stream and delivered to each subscriber in order, one event at a
/// time. Subscriptions live in memory too; the durable provider keeps both in the database.
/// </summary>
internal sealed class MemoryStreamProvider(string name, GrainRuntime runtime) : IStreamProvider
{
    private readonly Lock _lock = new();
    private readonly Dictionary<StreamId, List<StreamSubscription>> _explicit = [];
    private readonly Dictionary<StreamId, StreamQueue> _queues = [];

    public string Name { get; } = name;

    internal GrainRuntime Runtime { get; } = runtime;

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new MemoryStream<T>(this, streamId);

    internal void Enqueue(StreamId streamId, Func<StreamSubscription, StreamSequenceToken, Task> deliver)
    {
        StreamQueue queue;
        lock (_lock)
        {
            if (!_queues.TryGetValue(streamId, out queue!))
                _queues[streamId] = queue = new StreamQueue(this, streamId);
        }

        queue.Enqueue(deliver);
    }

    /// <summary>The subscribers of a stream now: explicit ones in subscription order, then implicit grains.</summary>
    internal List<StreamSubscription> SubscribersOf(StreamId streamId)
    {
        List<StreamSubscription> subscribers;
        lock (_lock)
            subscribers = _explicit.TryGetValue(streamId, out var list) ? [.. list] : [];

        foreach (var grainClass in Runtime.Registry.Classes)
        {
            foreach (var attribute in grainClass.ImplicitSubscriptions)
            {
                if (attribute.Namespace != streamId.Namespace || (attribute.StreamProvider is { } only && only != Name))
                    continue;
                var grain = new GrainId(grainClass.GrainType, streamId.Key);
                subscribers.Add(new StreamSubscription(StreamSubscription.ImplicitHandleId(grainClass.GrainType, streamId), streamId, grain, isImplicit: true));
            }
        }

        return subscribers;
    }

    internal StreamSubscription Subscribe(StreamId streamId, object observer)
    {
        var activation = ActivationScope.Current;
        var subscription = new StreamSubscription(Guid.NewGuid(), streamId, activation?.GrainId, isImplicit: false);
        if (activation is null)
            subscription.ExternalObserver = observer;
        else
            activation.AttachStreamObserver(subscription.HandleId, observer);

        lock (_lock)
        {
            if (!_explicit.TryGetValue(streamId, out var list))
                _explicit[streamId] = list = [];
            list.Add(subscription);
        }

        return subscription;
    }

    internal static void Attach(StreamSubscription subscription, object observer)
    {
        if (subscription.Grain is not { } owner)
        {
            subscription.ExternalObserver = observer;
            return;
        }

        var activation = ActivationScope.Current;
        if (activation is null || activation.GrainId != owner)
        {
            throw new InvalidOperationException(
                $"subscription {subscription.HandleId} to stream {subscription.StreamId} belongs to grain {owner}: resume it from that grain's code");
        }

        activation.AttachStreamObserver(subscription.HandleId, observer);
    }

    internal void Unsubscribe(StreamSubscription subscription)
    {
        lock (_lock)
        {
            if (_explicit.TryGetValue(subscription.StreamId, out var list))
            {
                foreach (var removed in list.FindAll(s => s.HandleId == subscription.HandleId))
                    removed.IsRemoved = true;
                list.RemoveAll(s => s.HandleId == subscription.HandleId);
            }
        }

        ActivationScope.Current?.DetachStreamObserver(subscription.HandleId);
    }

    /// <summary>The caller's subscriptions to a stream: the current grain's, or those made outside grains.</summary>
    internal List<StreamSubscription> SubscriptionsOfCaller(StreamId streamId)
    {
        var owner = ActivationScope.Current?.GrainId;
        lock (_lock)
        {
            return _explicit.TryGetValue(streamId, out var list) ? list.FindAll(s => s.Grain == owner) : [];
        }
    }
}

using Meridian.Runtime.Core;

namespace Meridian.Runtime.Streams;

/// <summary>
/// What every stream provider shares: its name, the runtime its subscribers live in, the pub-sub table, and
/// attaching observers. Providers differ in how an event is kept and delivered.
/// </summary>
internal abstract class StreamProviderBase : IStreamProvider
{
    protected StreamProviderBase(string name, GrainRuntime runtime)
    {
        Name = name;
        Runtime = runtime;
        PubSub = new StreamPubSub(name, runtime);
    }

    public string Name { get; }

    internal GrainRuntime Runtime { get; }

    internal StreamPubSub PubSub { get; }

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new AsyncStream<T>(this, streamId);

    /// <summary>Appends an event; <paramref name="eventId"/> identifies it (a new one when null).</summary>
    internal abstract Task PublishAsync<T>(StreamId streamId, T item, Guid? eventId);

    /// <summary>Subscribes the caller (the current grain, or code outside grains) with <paramref name="observer"/>.</summary>
    internal async Task<StreamSubscription> SubscribeAsync(StreamId streamId, object observer)
    {
        var subscription = new StreamSubscription(Guid.NewGuid(), streamId, ActivationScope.Current?.GrainId, isImplicit: false);
        Attach(subscription, observer);
        await OnSubscribingAsync(subscription).ConfigureAwait(false);
        PubSub.Add(subscription);
        return subscription;
    }

    /// <summary>Called before a new subscription receives anything: a durable provider records it and its starting point.</summary>
    private protected virtual Task OnSubscribingAsync(StreamSubscription subscription) => Task.CompletedTask;

    /// <summary>Ends a subscription: no event is delivered to it after this completes.</summary>
    internal virtual Task UnsubscribeAsync(StreamSubscription subscription)
    {
        PubSub.Remove(subscription);
        ActivationScope.Current?.DetachStreamObserver(subscription.HandleId);
        return Task.CompletedTask;
    }

    /// <summary>Attaches <paramref name="observer"/> to <paramref name="subscription"/>: held here for an outside subscriber, in the grain's activation for a grain.</summary>
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
}

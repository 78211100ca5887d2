namespace Meridian.Runtime.Streams;

/// <summary>A typed view of one stream of a provider: publishing goes to the provider, subscriptions to its pub-sub table.</summary>
internal sealed class AsyncStream<T>(StreamProviderBase provider, StreamId streamId) : IAsyncStream<T>
{
    public StreamId StreamId { get; } = streamId;

    public Task OnNextAsync(T item) => provider.PublishAsync(StreamId, item, eventId: null);

    public Task OnNextAsync(T item, Guid eventId) => provider.PublishAsync(StreamId, item, eventId);

    public async Task OnNextBatchAsync(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);

        // Queued in order before any is awaited, so a durable provider commits them together.
        var published = items.Select(item => provider.PublishAsync(StreamId, item, eventId: null)).ToList();
        await Task.WhenAll(published).ConfigureAwait(false);
    }

    public async Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var subscription = await provider.SubscribeAsync(StreamId, observer).ConfigureAwait(false);
        return new StreamSubscriptionHandleImpl<T>(provider, subscription);
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(Func<T, StreamSequenceToken?, Task> onNextAsync)
    {
        ArgumentNullException.ThrowIfNull(onNextAsync);
        return SubscribeAsync(new DelegateObserver<T>(onNextAsync));
    }

    public Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles()
    {
        IList<StreamSubscriptionHandle<T>> handles = [.. provider.PubSub.SubscriptionsOfCaller(StreamId)
            .Select(s => (StreamSubscriptionHandle<T>)new StreamSubscriptionHandleImpl<T>(provider, s))];
        return Task.FromResult(handles);
    }
}

/// <summary>An observer made of a delegate.</summary>
internal sealed class DelegateObserver<T>(Func<T, StreamSequenceToken?, Task> onNextAsync) : IAsyncObserver<T>
{
    public Task OnNextAsync(T item, StreamSequenceToken? token = null) => onNextAsync(item, token);
}

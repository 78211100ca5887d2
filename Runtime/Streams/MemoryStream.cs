namespace Meridian.Runtime.Streams;

/// <summary>A typed view of one stream of a <see cref="MemoryStreamProvider"/>.</summary>
internal sealed class MemoryStream<T>(MemoryStreamProvider provider, StreamId streamId) : IAsyncStream<T>
{
    public StreamId StreamId { get; } = streamId;

    public Task OnNextAsync(T item)
    {
        provider.Enqueue(StreamId, (subscription, token) => StreamDelivery.DeliverAsync(provider, subscription, item, token));
        return Task.CompletedTask;
    }

    public Task OnNextBatchAsync(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
            _ = OnNextAsync(item);
        return Task.CompletedTask;
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var subscription = provider.Subscribe(StreamId, observer);
        return Task.FromResult<StreamSubscriptionHandle<T>>(new StreamSubscriptionHandleImpl<T>(provider, subscription));
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(Func<T, StreamSequenceToken?, Task> onNextAsync)
    {
        ArgumentNullException.ThrowIfNull(onNextAsync);
        return SubscribeAsync(new DelegateObserver<T>(onNextAsync));
    }

    public Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles()
    {
        IList<StreamSubscriptionHandle<T>> handles = [.. provider.SubscriptionsOfCaller(StreamId)
            .Select(s => (StreamSubscriptionHandle<T>)new StreamSubscriptionHandleImpl<T>(provider, s))];
        return Task.FromResult(handles);
    }
}

/// <summary>An observer made of a delegate.</summary>
internal sealed class DelegateObserver<T>(Func<T, StreamSequenceToken?, Task> onNextAsync) : IAsyncObserver<T>
{
    public Task OnNextAsync(T item, StreamSequenceToken? token = null) => onNextAsync(item, token);
}

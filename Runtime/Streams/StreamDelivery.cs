using System.Diagnostics;
using Meridian.Runtime.CodeGeneration;
using Meridian.Runtime.Core;

namespace Meridian.Runtime.Streams;

/// <summary>Delivers one event to one subscription: directly to an outside observer, or as a request on the subscribing grain's turn.</summary>
internal static class StreamDelivery
{
    internal static readonly GrainMethod OnNextMethod = new(typeof(IAsyncObserver<>), "OnNextAsync", GrainMethodOptions.None);

    public static Task DeliverAsync<T>(MemoryStreamProvider provider, StreamSubscription subscription, T item, StreamSequenceToken token)
    {
        if (subscription.Grain is not { } grainId)
        {
            return subscription.ExternalObserver is IAsyncObserver<T> observer
                ? observer.OnNextAsync(item, token)
                : Task.CompletedTask;
        }

        var runtime = provider.Runtime;
        var grainClass = runtime.Registry.FindClass(grainId.Type)
            ?? throw new InvalidOperationException($"stream {subscription.StreamId} has a subscriber of unknown grain type '{grainId.Type}'");
        var request = new Request<T>(provider, subscription, item, token) { StartTimestamp = Stopwatch.GetTimestamp() };
        var task = request.CreateCallerTask(callerIsGrain: false);
        runtime.Redispatch(grainId, grainClass, request);
        return task;
    }

    /// <summary>The delivery, run on the grain's turn like any request.</summary>
    private sealed class Request<T>(MemoryStreamProvider provider, StreamSubscription subscription, T item, StreamSequenceToken token)
        : GrainRequest<VoidResult>, IStreamSubscriptionHandleFactory
    {
        public override GrainMethod Method => OnNextMethod;

        public override int ArgumentCount => 2;

        public override object? GetArgument(int index) => index switch
        {
            0 => item,
            1 => token,
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public StreamId StreamId => subscription.StreamId;

        public string ProviderName => provider.Name;

        public StreamSubscriptionHandle<TItem> Create<TItem>() => new StreamSubscriptionHandleImpl<TItem>(provider, subscription);

        public override ValueTask<VoidResult> InvokeAsync(object grain)
        {
            var activation = ((Grain)grain).Activation;
            if (activation.FindStreamObserver(subscription.HandleId) is IAsyncObserver<T> observer)
                return VoidResult.From(observer.OnNextAsync(item, token));
            return AttachThenDeliverAsync(grain, activation);
        }

        private async ValueTask<VoidResult> AttachThenDeliverAsync(object grain, ActivationData activation)
        {
            if (grain is IStreamSubscriptionObserver subscriptionObserver)
                await subscriptionObserver.OnSubscribed(this).ConfigureAwait(true);

            var observer = activation.FindStreamObserver(subscription.HandleId) as IAsyncObserver<T>
                ?? (subscription.IsImplicit ? grain as IAsyncObserver<T> : null)
                ?? throw new InvalidOperationException(
                    $"grain {activation.GrainId} has subscription {subscription.HandleId} to stream {subscription.StreamId} but no " +
                    $"observer of {typeof(T).Name} attached: resume the subscription in OnActivateAsync or in IStreamSubscriptionObserver.OnSubscribed");
            await observer.OnNextAsync(item, token).ConfigureAwait(true);
            return default;
        }
    }
}

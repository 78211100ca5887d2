using System.Diagnostics;
using Meridian.Runtime.CodeGeneration;
using Meridian.Runtime.Core;
using Meridian.Runtime.Time;

namespace Meridian.Runtime.Streams;

/// <summary>Delivers one event to one subscription: directly to an outside observer, or as a request on the subscribing grain's turn.</summary>
internal static class StreamDelivery
{
    internal static readonly GrainMethod OnNextMethod = new(typeof(IAsyncObserver<>), "OnNextAsync", GrainMethodOptions.None);

    // releaseWhileQueued: on a simulated clock, hand the caller's work count to the grain while the event waits
    // there (memory streams: each queued event holds its own count, so the hand-over never leaves the silo looking
    // idle too early). False keeps the count until the delivery is done (durable streams: the pump holds a single
    // count, and a grain's turn that ends before its request is answered would otherwise leave a moment of "idle").
    public static Task DeliverAsync<T>(StreamProviderBase provider, StreamSubscription subscription, T item, StreamSequenceToken token, bool releaseWhileQueued = true)
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
        var request = new Request<T>(provider, subscription, item, token, releaseWhileQueued) { StartTimestamp = Stopwatch.GetTimestamp() };
        var task = request.CreateCallerTask();
        runtime.Redispatch(grainId, grainClass, request);
        if (runtime.WorkTracker is not { } tracker || !releaseWhileQueued)
            return task;

        // While the event waits at a busy grain it is the grain's work, counted once admitted: a grain asleep on
        // the simulated clock must not keep the clock from advancing. The request takes the count back when it
        // has run, before the pump goes on.
        tracker.Decrement();
        return TakeBackCountAfter(task, request, tracker);
    }

    private static async Task TakeBackCountAfter<T>(Task delivery, Request<T> request, WorkTracker tracker)
    {
        try
        {
            await delivery.ConfigureAwait(false);
        }
        finally
        {
            if (!request.CountTakenBack)
                tracker.Increment();
        }
    }

    /// <summary>The delivery, run on the grain's turn like any request.</summary>
    private sealed class Request<T>(StreamProviderBase provider, StreamSubscription subscription, T item, StreamSequenceToken token, bool releaseWhileQueued)
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

        /// <summary>True once the request has taken back the pump's work count (see <see cref="DeliverAsync{T}"/>).</summary>
        public bool CountTakenBack { get; private set; }

        private protected override void OnFinished()
        {
            if (releaseWhileQueued && provider.Runtime.WorkTracker is { } tracker)
            {
                tracker.Increment();
                CountTakenBack = true;
            }
        }

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

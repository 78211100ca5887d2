using Meridian.Runtime.Streams;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Streams;

/// <summary>Explicit subscriptions: unsubscribing, the handles a caller sees, and resuming after reactivation.</summary>
public sealed class StreamSubscriptionTests
{
    [Fact]
    public async Task No_event_published_after_UnsubscribeAsync_completes_reaches_a_subscriber_outside_grains()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream(silo, "streams-unsubscribe", "k");
        var recorder = new EventRecorder<int>();
        var handle = await stream.SubscribeAsync(recorder.OnNextAsync);
        await stream.OnNextBatchAsync([1, 2, 3]);
        await silo.IdleAsync();

        await handle.UnsubscribeAsync();
        await stream.OnNextBatchAsync([4, 5, 6]);
        await silo.IdleAsync();

        Assert.Equal([1, 2, 3], recorder.Items);
    }

    [Fact]
    public async Task An_event_already_being_delivered_does_not_reach_a_subscriber_that_unsubscribed_meanwhile()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream(silo, "streams-unsubscribe-in-flight", "k");
        var firstReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await stream.SubscribeAsync(async (_, _) =>
        {
            firstReached.TrySetResult();
            await release.Task;
        });
        var leaving = new EventRecorder<int>();
        var handle = await stream.SubscribeAsync(leaving.OnNextAsync);

        await stream.OnNextAsync(1);
        await firstReached.Task.WithinLimit();
        await handle.UnsubscribeAsync();
        release.SetResult();
        await silo.IdleAsync();

        Assert.Empty(leaving.Items);
    }

    [Fact]
    public async Task Unsubscribing_one_subscriber_leaves_the_others_subscribed()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream(silo, "streams-unsubscribe-one", "k");
        var leaving = new EventRecorder<int>();
        var staying = new EventRecorder<int>();
        var leavingHandle = await stream.SubscribeAsync(leaving.OnNextAsync);
        await stream.SubscribeAsync(staying.OnNextAsync);
        await stream.OnNextAsync(1);
        await silo.IdleAsync();

        await leavingHandle.UnsubscribeAsync();
        await stream.OnNextAsync(2);
        await silo.IdleAsync();

        Assert.Equal([1], leaving.Items);
        Assert.Equal([1, 2], staying.Items);
    }

    [Fact]
    public async Task No_event_published_after_a_grain_unsubscribes_reaches_it()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var grain = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("k");
        await grain.SubscribeAsync("streams-grain-unsubscribe");
        var stream = Stream(silo, "streams-grain-unsubscribe", "k");
        await stream.OnNextBatchAsync([1, 2, 3]);
        await silo.IdleAsync();

        await grain.UnsubscribeAllAsync();
        await stream.OnNextBatchAsync([4, 5, 6]);
        await silo.IdleAsync();

        Assert.Equal([1, 2, 3], await grain.GetReceivedAsync());
    }

    [Fact]
    public async Task A_grain_that_unsubscribed_has_no_subscription_handles_left()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var grain = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("k");
        await grain.SubscribeAsync("streams-grain-handles-gone");

        await grain.UnsubscribeAllAsync();

        Assert.Equal(0, await grain.CountSubscriptionsAsync("streams-grain-handles-gone"));
    }

    [Fact]
    public async Task A_grain_that_subscribes_twice_receives_each_event_once_per_subscription()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var grain = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("k");
        await grain.SubscribeAsync("streams-twice");
        await grain.SubscribeAsync("streams-twice");

        await Stream(silo, "streams-twice", "k").OnNextBatchAsync([1, 2]);
        await silo.IdleAsync();

        Assert.Equal(2, await grain.CountSubscriptionsAsync("streams-twice"));
        Assert.Equal([1, 1, 2, 2], await grain.GetReceivedAsync());
    }

    [Fact]
    public async Task GetAllSubscriptionHandles_gives_a_caller_only_its_own_subscriptions()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream(silo, "streams-handles", "k");
        var grain = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("k");
        await grain.SubscribeAsync("streams-handles");
        var outside = await stream.SubscribeAsync(new EventRecorder<int>().OnNextAsync);

        var outsideHandles = await stream.GetAllSubscriptionHandles();

        Assert.Equal([outside.HandleId], outsideHandles.Select(h => h.HandleId));
        Assert.Equal(1, await grain.CountSubscriptionsAsync("streams-handles"));
    }

    [Fact]
    public async Task A_grain_that_resumes_its_subscription_on_activation_keeps_receiving_after_reactivation()
    {
        var probe = new StreamProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IStreamResumingSubscriberGrain>("k");
        await grain.SubscribeAsync();
        var stream = Stream(silo, StreamResumingSubscriberGrain.Namespace, "k");
        await stream.OnNextBatchAsync([1, 2]);
        await silo.IdleAsync();

        await grain.DeactivateAsync();
        await silo.IdleAsync();
        await stream.OnNextBatchAsync([3, 4]);
        await silo.IdleAsync();

        Assert.Equal(
            ["activate k resuming 0", "k got 1", "k got 2", "deactivate k", "activate k resuming 1", "k got 3", "k got 4"],
            probe.Log);
        Assert.Equal([3, 4], await grain.GetReceivedAsync());
    }

    private static Task<TestSilo> StartAsync(StreamProbe probe) => Silos.StartAsync(silo => silo.Services.AddSingleton(probe));

    private static IAsyncStream<int> Stream(TestSilo silo, string streamNamespace, string key) =>
        silo.Client.GetStreamProvider("Default").GetStream<int>(StreamId.Create(streamNamespace, key));
}

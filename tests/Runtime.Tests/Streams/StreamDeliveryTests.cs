using Meridian.Runtime.Streams;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Streams;

/// <summary>Memory streams deliver each event to every subscriber of its stream, in order.</summary>
public sealed class StreamDeliveryTests
{
    [Fact]
    public async Task An_event_for_a_grain_asleep_on_the_simulated_clock_waits_for_it_without_stalling_the_clock()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var grain = silo.GrainFactory.GetGrain<IStreamSleeperGrain>("k");
        await grain.Seen();
        var sleeping = grain.SleepOneMinute();
        await silo.IdleAsync();

        await Stream<int>(silo, "streams-sleeper", "k").OnNextAsync(7);
        await silo.AdvanceAsync(TimeSpan.FromMinutes(2));
        await sleeping.WithinLimit();

        Assert.Equal(["woke", "event 7"], await grain.Seen());
    }

    [Fact]
    public async Task Events_reach_a_subscriber_outside_grains_in_publication_order()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream<int>(silo, "streams-order", "EURUSD");
        var recorder = new EventRecorder<int>();
        await stream.SubscribeAsync(recorder.OnNextAsync);

        for (var i = 0; i < 100; i++)
            await stream.OnNextAsync(i);
        await silo.IdleAsync();

        Assert.Equal(Enumerable.Range(0, 100), recorder.Items);
    }

    [Fact]
    public async Task A_batch_reaches_a_subscriber_in_batch_order()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream<string>(silo, "streams-batch", "k");
        var recorder = new EventRecorder<string>();
        await stream.SubscribeAsync(recorder.OnNextAsync);

        await stream.OnNextBatchAsync(["open", "fill", "fill", "close"]);
        await silo.IdleAsync();

        Assert.Equal(["open", "fill", "fill", "close"], recorder.Items);
    }

    [Fact]
    public async Task Sequence_tokens_increase_with_each_event_of_a_stream()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream<int>(silo, "streams-tokens", "k");
        var recorder = new EventRecorder<int>();
        await stream.SubscribeAsync(recorder.OnNextAsync);

        for (var i = 0; i < 20; i++)
            await stream.OnNextAsync(i);
        await silo.IdleAsync();

        var tokens = recorder.Tokens;
        Assert.Equal(20, tokens.Count);
        Assert.All(tokens, token => Assert.NotNull(token));
        for (var i = 1; i < tokens.Count; i++)
            Assert.True(tokens[i]!.SequenceNumber > tokens[i - 1]!.SequenceNumber, $"token {i} ({tokens[i]}) does not follow token {i - 1} ({tokens[i - 1]})");
    }

    [Fact]
    public async Task Every_subscriber_of_a_stream_receives_every_event_in_order()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream<int>(silo, "streams-fanout", "k");
        var first = new EventRecorder<int>();
        var second = new EventRecorder<int>();
        await stream.SubscribeAsync(first.OnNextAsync);
        await stream.SubscribeAsync(second.OnNextAsync);
        var grain = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("k");
        await grain.SubscribeAsync("streams-fanout");

        for (var i = 0; i < 50; i++)
            await stream.OnNextAsync(i);
        await silo.IdleAsync();

        Assert.Equal(Enumerable.Range(0, 50), first.Items);
        Assert.Equal(Enumerable.Range(0, 50), second.Items);
        Assert.Equal(Enumerable.Range(0, 50), await grain.GetReceivedAsync());
    }

    [Fact]
    public async Task A_grain_that_subscribes_itself_receives_the_streams_events_in_publication_order()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var grain = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("GBPUSD");
        await grain.SubscribeAsync("streams-grain-order");
        var stream = Stream<int>(silo, "streams-grain-order", "GBPUSD");

        for (var i = 0; i < 100; i++)
            await stream.OnNextAsync(i);
        await silo.IdleAsync();

        Assert.Equal(Enumerable.Range(0, 100), await grain.GetReceivedAsync());
    }

    [Fact]
    public async Task Events_published_by_a_grain_reach_a_grain_subscriber_in_publication_order()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var subscriber = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("k");
        await subscriber.SubscribeAsync("streams-produced");
        var producer = silo.GrainFactory.GetGrain<IStreamProducerGrain>("producer");

        await producer.PublishAsync("streams-produced", "k", 0, 60);
        await producer.PublishAsync("streams-produced", "k", 60, 40);
        await silo.IdleAsync();

        Assert.Equal(Enumerable.Range(0, 100), await subscriber.GetReceivedAsync());
    }

    [Fact]
    public async Task A_grain_receives_a_stream_event_on_its_own_turn_so_its_calls_wait_for_the_delivery()
    {
        var probe = new StreamProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("k");
        await grain.SubscribeAsync("streams-turn");
        var stream = Stream<int>(silo, "streams-turn", "k");

        await stream.OnNextBatchAsync([1, 2, StreamItems.Blocking]);
        await probe.WhenRaised("blocked");
        var call = grain.GetReceivedAsync();

        // The call has been admitted or queued by the time GetReceivedAsync returns: it must be queued.
        var whileBlocked = Assert.Single(silo.Introspection.GetActiveGrains("streamsubscriber"));
        var completedWhileBlocked = call.IsCompleted;
        probe.Raise("unblock");
        var received = await call.WithinLimit();

        Assert.False(completedWhileBlocked, "a grain call ran while the grain was handling a stream event");
        Assert.Equal((1, 1), (whileBlocked.RunningRequests, whileBlocked.WaitingRequests));
        Assert.Equal([1, 2, StreamItems.Blocking], received);
        Assert.Equal(["k got 1", "k got 2", "k got -1", "k unblocked"], probe.Log);
    }

    [Fact]
    public async Task Streams_with_the_same_key_in_different_namespaces_are_separate()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var bids = new EventRecorder<string>();
        var asks = new EventRecorder<string>();
        await Stream<string>(silo, "streams-bids", "EURUSD").SubscribeAsync(bids.OnNextAsync);
        await Stream<string>(silo, "streams-asks", "EURUSD").SubscribeAsync(asks.OnNextAsync);

        await Stream<string>(silo, "streams-bids", "EURUSD").OnNextAsync("bid 1");
        await Stream<string>(silo, "streams-asks", "EURUSD").OnNextAsync("ask 1");
        await Stream<string>(silo, "streams-bids", "EURUSD").OnNextAsync("bid 2");
        await silo.IdleAsync();

        Assert.Equal(["bid 1", "bid 2"], bids.Items);
        Assert.Equal(["ask 1"], asks.Items);
    }

    [Fact]
    public async Task Streams_with_different_keys_in_one_namespace_are_separate()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var euro = new EventRecorder<string>();
        var pound = new EventRecorder<string>();
        await Stream<string>(silo, "streams-keys", "EURUSD").SubscribeAsync(euro.OnNextAsync);
        await Stream<string>(silo, "streams-keys", "GBPUSD").SubscribeAsync(pound.OnNextAsync);

        await Stream<string>(silo, "streams-keys", "EURUSD").OnNextAsync("euro");
        await Stream<string>(silo, "streams-keys", "GBPUSD").OnNextAsync("pound");
        await silo.IdleAsync();

        Assert.Equal(["euro"], euro.Items);
        Assert.Equal(["pound"], pound.Items);
    }

    [Fact]
    public async Task A_string_key_and_an_integer_key_with_the_same_digits_are_different_streams()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var provider = silo.Client.GetStreamProvider("Default");
        var byString = new EventRecorder<string>();
        var byInteger = new EventRecorder<string>();
        await provider.GetStream<string>(StreamId.Create("streams-typed-keys", "020235")).SubscribeAsync(byString.OnNextAsync);
        await provider.GetStream<string>(StreamId.Create("streams-typed-keys", 20235L)).SubscribeAsync(byInteger.OnNextAsync);

        await provider.GetStream<string>(StreamId.Create("streams-typed-keys", "020235")).OnNextAsync("string");
        await provider.GetStream<string>(StreamId.Create("streams-typed-keys", 20235L)).OnNextAsync("integer");
        await silo.IdleAsync();

        Assert.Equal(["string"], byString.Items);
        Assert.Equal(["integer"], byInteger.Items);
    }

    private static Task<TestSilo> StartAsync(StreamProbe probe) => Silos.StartAsync(silo => silo.Services.AddSingleton(probe));

    private static IAsyncStream<T> Stream<T>(TestSilo silo, string streamNamespace, string key) =>
        silo.Client.GetStreamProvider("Default").GetStream<T>(StreamId.Create(streamNamespace, key));
}

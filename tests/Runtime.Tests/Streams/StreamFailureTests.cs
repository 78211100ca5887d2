using Meridian.Runtime.Streams;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Meridian.Runtime.Tests.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Streams;

/// <summary>A subscriber that throws is logged and skipped; the stream goes on.</summary>
public sealed class StreamFailureTests
{
    [Fact]
    public async Task An_exception_in_a_subscriber_outside_grains_does_not_stop_the_later_events()
    {
        await using var silo = await StartAsync(new StreamProbe(), new CapturedLogs());
        var stream = Stream(silo, "streams-failing-outside", "k");
        var recorder = new EventRecorder<int>(throwOn: item => item == 2);
        await stream.SubscribeAsync(recorder.OnNextAsync);

        await stream.OnNextBatchAsync([1, 2, 3, 4, 5]);
        await silo.IdleAsync();

        Assert.Equal([1, 2, 3, 4, 5], recorder.Items);
    }

    [Fact]
    public async Task An_exception_in_a_subscriber_outside_grains_is_logged()
    {
        var logs = new CapturedLogs();
        await using var silo = await StartAsync(new StreamProbe(), logs);
        var stream = Stream(silo, "streams-failing-logged", "k");
        await stream.SubscribeAsync(new EventRecorder<int>(throwOn: item => item == 2).OnNextAsync);

        await stream.OnNextBatchAsync([1, 2, 3]);
        await silo.IdleAsync();

        var logged = Assert.Single(logs.WithException<StreamTestException>());
        Assert.Equal("the recorder refuses 2", logged.Exception!.Message);
    }

    [Fact]
    public async Task An_exception_in_one_subscriber_does_not_keep_the_event_from_the_others()
    {
        await using var silo = await StartAsync(new StreamProbe(), new CapturedLogs());
        var stream = Stream(silo, "streams-failing-first", "k");
        await stream.SubscribeAsync(new EventRecorder<int>(throwOn: _ => true).OnNextAsync);
        var healthy = new EventRecorder<int>();
        await stream.SubscribeAsync(healthy.OnNextAsync);

        await stream.OnNextBatchAsync([1, 2, 3]);
        await silo.IdleAsync();

        Assert.Equal([1, 2, 3], healthy.Items);
    }

    [Fact]
    public async Task An_exception_in_a_grain_subscriber_does_not_stop_the_later_events()
    {
        await using var silo = await StartAsync(new StreamProbe(), new CapturedLogs());
        var grain = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("k");
        await grain.SubscribeAsync("streams-failing-grain");

        await Stream(silo, "streams-failing-grain", "k").OnNextBatchAsync([1, StreamItems.Failing, 3, 4]);
        await silo.IdleAsync();

        Assert.Equal([1, StreamItems.Failing, 3, 4], await grain.GetReceivedAsync());
    }

    [Fact]
    public async Task An_exception_in_a_grain_subscriber_is_logged()
    {
        var logs = new CapturedLogs();
        await using var silo = await StartAsync(new StreamProbe(), logs);
        var grain = silo.GrainFactory.GetGrain<IStreamSubscriberGrain>("k");
        await grain.SubscribeAsync("streams-failing-grain-logged");

        await Stream(silo, "streams-failing-grain-logged", "k").OnNextBatchAsync([1, StreamItems.Failing, 3]);
        await silo.IdleAsync();

        var logged = Assert.Single(logs.WithException<StreamTestException>());
        Assert.Equal($"k refuses {StreamItems.Failing}", logged.Exception!.Message);
    }

    private static Task<TestSilo> StartAsync(StreamProbe probe, CapturedLogs logs) =>
        Silos.StartAsync(silo =>
        {
            silo.Services.AddSingleton(probe);
            logs.AddTo(silo);
        });

    private static IAsyncStream<int> Stream(TestSilo silo, string streamNamespace, string key) =>
        silo.Client.GetStreamProvider("Default").GetStream<int>(StreamId.Create(streamNamespace, key));
}

using Meridian.Runtime.Streams;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Streams;

/// <summary>[ImplicitStreamSubscription]: stream (ns, key) goes to the subscribed class's grain with the same key.</summary>
public sealed class ImplicitSubscriptionTests
{
    [Fact]
    public async Task A_grain_that_attaches_its_observer_in_OnSubscribed_receives_its_streams_events_in_order()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream(silo, StreamImplicitFactoryGrain.Namespace, "EURUSD");

        for (var i = 0; i < 100; i++)
            await stream.OnNextAsync(i);
        await silo.IdleAsync();

        var grain = silo.GrainFactory.GetGrain<IStreamImplicitFactoryGrain>("EURUSD");
        Assert.Equal(Enumerable.Range(0, 100), await grain.GetReceivedAsync());
    }

    [Fact]
    public async Task OnSubscribed_is_called_once_per_activation_with_the_stream_being_delivered()
    {
        var probe = new StreamProbe();
        await using var silo = await StartAsync(probe);

        await Stream(silo, StreamImplicitFactoryGrain.Namespace, "EURUSD").OnNextBatchAsync([1, 2, 3]);
        await silo.IdleAsync();

        Assert.Equal(["activate EURUSD", $"EURUSD subscribed to {StreamImplicitFactoryGrain.Namespace}/EURUSD"], probe.Log);
    }

    [Fact]
    public async Task After_reactivation_OnSubscribed_is_called_again_and_the_grain_keeps_receiving()
    {
        var probe = new StreamProbe();
        await using var silo = await StartAsync(probe);
        var stream = Stream(silo, StreamImplicitFactoryGrain.Namespace, "k");
        var grain = silo.GrainFactory.GetGrain<IStreamImplicitFactoryGrain>("k");
        await stream.OnNextBatchAsync([1, 2]);
        await silo.IdleAsync();

        await grain.DeactivateAsync();
        await silo.IdleAsync();
        await stream.OnNextBatchAsync([3, 4]);
        await silo.IdleAsync();

        var subscribed = $"k subscribed to {StreamImplicitFactoryGrain.Namespace}/k";
        Assert.Equal(["activate k", subscribed, "activate k", subscribed], probe.Log);
        Assert.Equal([3, 4], await grain.GetReceivedAsync());
    }

    [Fact]
    public async Task A_grain_that_is_its_own_observer_receives_its_streams_events_in_order()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var stream = Stream(silo, StreamImplicitDirectGrain.Namespace, "GBPUSD");

        for (var i = 0; i < 100; i++)
            await stream.OnNextAsync(i);
        await silo.IdleAsync();

        var grain = silo.GrainFactory.GetGrain<IStreamImplicitDirectGrain>("GBPUSD");
        Assert.Equal(Enumerable.Range(0, 100), await grain.GetReceivedAsync());
    }

    [Fact]
    public async Task An_event_activates_only_the_grain_with_the_streams_key()
    {
        var probe = new StreamProbe();
        await using var silo = await StartAsync(probe);

        await Stream(silo, StreamImplicitDirectGrain.Namespace, "EURUSD").OnNextAsync(1);
        await silo.IdleAsync();

        Assert.Equal(["activate EURUSD"], probe.Log);
    }

    [Fact]
    public async Task Grains_with_other_keys_receive_nothing()
    {
        await using var silo = await StartAsync(new StreamProbe());

        await Stream(silo, StreamImplicitDirectGrain.Namespace, "EURUSD").OnNextBatchAsync([1, 2, 3]);
        await Stream(silo, StreamImplicitFactoryGrain.Namespace, "EURUSD").OnNextBatchAsync([4, 5, 6]);
        await silo.IdleAsync();

        Assert.Empty(await silo.GrainFactory.GetGrain<IStreamImplicitDirectGrain>("GBPUSD").GetReceivedAsync());
        Assert.Empty(await silo.GrainFactory.GetGrain<IStreamImplicitFactoryGrain>("GBPUSD").GetReceivedAsync());
        Assert.Empty(await silo.GrainFactory.GetGrain<IStreamImplicitDirectGrain>("eurusd").GetReceivedAsync());
    }

    [Fact]
    public async Task A_grain_receives_only_the_namespaces_its_class_subscribes_to()
    {
        await using var silo = await StartAsync(new StreamProbe());

        await Stream(silo, StreamImplicitDirectGrain.Namespace, "k").OnNextBatchAsync([1, 2]);
        await Stream(silo, StreamImplicitFactoryGrain.Namespace, "k").OnNextBatchAsync([10, 20]);
        await silo.IdleAsync();

        Assert.Equal([1, 2], await silo.GrainFactory.GetGrain<IStreamImplicitDirectGrain>("k").GetReceivedAsync());
        Assert.Equal([10, 20], await silo.GrainFactory.GetGrain<IStreamImplicitFactoryGrain>("k").GetReceivedAsync());
    }

    [Fact]
    public async Task Each_keys_grain_receives_its_own_streams_events_in_order()
    {
        await using var silo = await StartAsync(new StreamProbe());
        var euro = Stream(silo, StreamImplicitDirectGrain.Namespace, "EURUSD");
        var pound = Stream(silo, StreamImplicitDirectGrain.Namespace, "GBPUSD");

        for (var i = 0; i < 50; i++)
        {
            await euro.OnNextAsync(i);
            await pound.OnNextAsync(1000 + i);
        }

        await silo.IdleAsync();

        Assert.Equal(Enumerable.Range(0, 50), await silo.GrainFactory.GetGrain<IStreamImplicitDirectGrain>("EURUSD").GetReceivedAsync());
        Assert.Equal(Enumerable.Range(1000, 50), await silo.GrainFactory.GetGrain<IStreamImplicitDirectGrain>("GBPUSD").GetReceivedAsync());
    }

    private static Task<TestSilo> StartAsync(StreamProbe probe) => Silos.StartAsync(silo => silo.Services.AddSingleton(probe));

    private static IAsyncStream<int> Stream(TestSilo silo, string streamNamespace, string key) =>
        silo.Client.GetStreamProvider("Default").GetStream<int>(StreamId.Create(streamNamespace, key));
}

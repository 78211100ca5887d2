using Meridian.Runtime.Hosting;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Timers;

/// <summary>Timers and the activation's life: disposed on deactivation, keeping it alive or not.</summary>
public sealed class TimerLifecycleTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Deactivation_disposes_the_grains_timer()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ITimerTickerGrain>("k");
        await grain.StartTimerAsync(new TimerPlan(5 * Second, 5 * Second));
        await silo.AdvanceAsync(5 * Second);

        await grain.DeactivateAsync();
        await silo.IdleAsync();
        await silo.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(["k: activate", "k: tick 1 start", "k: tick 1 end", "k: deactivate ApplicationRequested"], probe.Log);
    }

    [Fact]
    public async Task A_timer_that_comes_due_while_the_grain_deactivates_neither_ticks_nor_reactivates_the_grain()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ITimerTickerGrain>("k");
        await grain.StartTimerAsync(new TimerPlan(5 * Second, 5 * Second));
        await grain.HoldDeactivationAsync();

        await grain.DeactivateAsync();
        await probe.WhenLogged("k: deactivate ApplicationRequested");
        await silo.AdvanceAsync(10 * Second);
        probe.Open("deactivate");
        await probe.WhenLogged("k: deactivation released");
        await silo.IdleAsync();
        await silo.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["k: activate", "k: deactivate ApplicationRequested", "k: deactivation released"], probe.Log);
    }

    [Fact]
    public async Task A_timer_with_KeepAlive_false_does_not_keep_the_grain_from_idle_collection()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe, CollectAfterTwoMinutes);
        await silo.GrainFactory.GetGrain<ITimerTickerGrain>("k").StartTimerAsync(new TimerPlan(10 * Second, 10 * Second) { KeepAlive = false });

        // Collected between CollectionAge and CollectionAge + CollectionQuantum after its last use (the call above).
        await silo.AdvanceAsync(CollectionAge - Second);
        var deactivatedTooEarly = probe.Log.Contains("k: deactivate ActivationIdle");
        await silo.AdvanceAsync(CollectionQuantum + Second);

        Assert.False(deactivatedTooEarly, "the grain was collected before it had been idle for the collection age");
        Assert.Contains("k: deactivate ActivationIdle", probe.Log);
    }

    [Fact]
    public async Task A_timer_with_KeepAlive_false_stops_ticking_when_its_grain_is_collected()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe, CollectAfterTwoMinutes);
        await silo.GrainFactory.GetGrain<ITimerTickerGrain>("k").StartTimerAsync(new TimerPlan(10 * Second, 10 * Second) { KeepAlive = false });
        await silo.AdvanceAsync(CollectionAge + CollectionQuantum);
        var ticksWhenCollected = probe.TickCount("k");

        await silo.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.InRange(ticksWhenCollected, 12, 15);
        Assert.Equal(ticksWhenCollected, probe.TickCount("k"));
        Assert.Equal(1, probe.Log.Count(entry => entry == "k: activate"));
    }

    [Fact]
    public async Task A_timer_with_KeepAlive_true_keeps_the_grain_from_idle_collection()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe, CollectAfterTwoMinutes);
        await silo.GrainFactory.GetGrain<ITimerTickerGrain>("k").StartTimerAsync(new TimerPlan(10 * Second, 10 * Second) { KeepAlive = true });

        await silo.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.DoesNotContain(probe.Log, entry => entry.StartsWith("k: deactivate", StringComparison.Ordinal));
        Assert.Equal(60, probe.TickCount("k"));
    }

    [Fact]
    public async Task A_grain_without_a_timer_is_collected_after_the_collection_age()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe, CollectAfterTwoMinutes);
        await silo.GrainFactory.GetGrain<ITimerTickerGrain>("k").PingAsync();

        await silo.AdvanceAsync(CollectionAge + CollectionQuantum);

        Assert.Equal(["k: activate", "k: ping", "k: deactivate ActivationIdle"], probe.Log);
    }

    private static void CollectAfterTwoMinutes(SiloBuilder silo) =>
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = CollectionAge;
            o.CollectionQuantum = CollectionQuantum;
        });

    private static Task<TestSilo> StartAsync(TimerProbe probe, Action<SiloBuilder>? configure = null) =>
        Silos.StartAsync(silo =>
        {
            silo.Services.AddSingleton(probe);
            configure?.Invoke(silo);
        });
}

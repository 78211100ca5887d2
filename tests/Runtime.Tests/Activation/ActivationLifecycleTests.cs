using Meridian.Runtime.Hosting;
using Meridian.Runtime.TestingHost;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Activation;

public sealed class ActivationLifecycleTests
{
    private static Task<TestSilo> StartAsync(LifecycleProbe probe, Action<SiloBuilder>? configure = null) =>
        Silos.StartAsync(silo =>
        {
            silo.Services.AddSingleton(probe);
            configure?.Invoke(silo);
        });

    [Fact]
    public async Task GetGrain_never_activates()
    {
        var probe = new LifecycleProbe();
        await using var silo = await StartAsync(probe);

        for (var i = 0; i < 1000; i++)
            _ = silo.GrainFactory.GetGrain<ILifecycleGrain>("g" + i);

        Assert.Empty(probe.Events);
        Assert.Empty(silo.Introspection.GetActiveGrains());
    }

    [Fact]
    public async Task First_call_activates_and_OnActivateAsync_runs_before_it()
    {
        var probe = new LifecycleProbe();
        await using var silo = await StartAsync(probe);

        var echoed = await silo.GrainFactory.GetGrain<ILifecycleGrain>("a").Echo("hello");

        Assert.Equal("hello", echoed);
        Assert.Equal(["activate a"], probe.Events);
    }

    [Fact]
    public async Task Concurrent_first_calls_make_exactly_one_activation()
    {
        var probe = new LifecycleProbe();
        await using var silo = await StartAsync(probe);

        var calls = Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => silo.GrainFactory.GetGrain<ILifecycleGrain>("shared").InstanceNumber()))
            .ToArray();
        var instances = await Task.WhenAll(calls);

        Assert.Single(instances.Distinct());
        Assert.Equal(1, probe.Activations);
    }

    [Fact]
    public async Task DeactivateOnIdle_runs_OnDeactivateAsync_and_the_next_call_makes_a_new_activation()
    {
        var probe = new LifecycleProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("d");
        var first = await grain.InstanceNumber();

        await grain.Deactivate();
        await silo.RunUntilIdleAsync();
        var second = await grain.InstanceNumber();

        Assert.NotEqual(first, second);
        Assert.Equal(["activate d", "deactivate d", "activate d"], probe.Events);
        Assert.Equal(DeactivationReasonCode.ApplicationRequested, Assert.Single(probe.DeactivationReasons).Code);
    }

    [Fact]
    public async Task A_failed_activation_reaches_the_caller_and_leaves_nothing_behind()
    {
        var probe = new LifecycleProbe { FailActivationWith = new InvalidOperationException("market data feed unavailable") };
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("f");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Echo("x"));
        await silo.Clock.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("market data feed unavailable", error.Message);
        Assert.Empty(silo.Introspection.GetActiveGrains());
        Assert.DoesNotContain("tick of a failed activation", probe.Events);
        Assert.DoesNotContain("deactivate f", probe.Events);

        probe.FailActivationWith = null;
        Assert.Equal("y", await grain.Echo("y"));
        Assert.Equal(2, probe.Activations);
    }

    [Fact]
    public async Task Every_caller_waiting_on_a_failed_activation_gets_the_error()
    {
        var probe = new LifecycleProbe { FailActivationWith = new TimeoutException("broker did not answer") };
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("f");

        var calls = Enumerable.Range(0, 10).Select(i => grain.Echo("x")).ToArray();

        foreach (var call in calls)
            Assert.Equal("broker did not answer", (await Assert.ThrowsAsync<TimeoutException>(() => call)).Message);
    }

    [Fact]
    public async Task An_idle_activation_is_collected_after_the_default_15_minutes_and_not_before()
    {
        var probe = new LifecycleProbe();
        await using var silo = await StartAsync(probe);
        await silo.GrainFactory.GetGrain<ILifecycleGrain>("idle").Echo("x");

        await silo.Clock.AdvanceAsync(TimeSpan.FromMinutes(14));
        Assert.DoesNotContain("deactivate idle", probe.Events);

        await silo.Clock.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Contains("deactivate idle", probe.Events);
        Assert.Equal(DeactivationReasonCode.ActivationIdle, Assert.Single(probe.DeactivationReasons).Code);
    }

    [Fact]
    public async Task A_call_resets_the_idle_time()
    {
        var probe = new LifecycleProbe();
        await using var silo = await StartAsync(probe, s => s.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(10);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        }));
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("busy");
        await grain.Echo("x");

        for (var minute = 0; minute < 30; minute += 5)
        {
            await silo.Clock.AdvanceAsync(TimeSpan.FromMinutes(5));
            await grain.Echo("still here");
        }

        Assert.Equal(["activate busy"], probe.Events);
        await silo.Clock.AdvanceAsync(TimeSpan.FromMinutes(12));
        Assert.Equal(["activate busy", "deactivate busy"], probe.Events);
    }

    [Fact]
    public async Task Stopping_the_silo_deactivates_every_grain()
    {
        var probe = new LifecycleProbe();
        var silo = await StartAsync(probe);
        await silo.GrainFactory.GetGrain<ILifecycleGrain>("one").Echo("x");
        await silo.GrainFactory.GetGrain<ILifecycleGrain>("two").Echo("x");

        await silo.DisposeAsync();

        Assert.Equal(2, probe.DeactivationReasons.Count);
        Assert.All(probe.DeactivationReasons, r => Assert.Equal(DeactivationReasonCode.ShuttingDown, r.Code));
    }

    [Fact]
    public async Task Every_key_kind_reaches_its_grain_with_the_key_it_was_addressed_by()
    {
        await using var silo = await StartAsync(new LifecycleProbe());
        var guid = Guid.Parse("5f0e2c1a-8a3b-4c6d-9e7f-0a1b2c3d4e5f");

        Assert.Equal(guid, await silo.GrainFactory.GetGrain<IGuidKeyedGrain>(guid).Key());
        Assert.Equal(-42L, await silo.GrainFactory.GetGrain<IIntegerKeyedGrain>(-42).Key());
        Assert.Equal((guid, "usd"), await silo.GrainFactory.GetGrain<IGuidCompoundKeyedGrain>(guid, "usd").Key());
        Assert.Equal((7L, "eur"), await silo.GrainFactory.GetGrain<IIntegerCompoundKeyedGrain>(7, "eur").Key());
    }

    [Fact]
    public async Task Stopping_the_silo_retires_an_activation_stuck_in_OnActivateAsync_after_the_deactivation_timeout()
    {
        var probe = new LifecycleProbe { HoldActivation = new TaskCompletionSource().Task };
        var silo = await StartAsync(probe, s => s.Configure<GrainCollectionOptions>(o => o.DeactivationTimeout = TimeSpan.FromMilliseconds(100)));
        var call = silo.GrainFactory.GetGrain<ILifecycleGrain>("stuck").Echo("x");

        await silo.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => call);
        Assert.Contains("stuck", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_to_a_grain_deactivating_during_shutdown_is_refused_not_run_on_a_new_activation()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new LifecycleProbe { HoldDeactivation = release.Task };
        var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("leaving");
        await grain.Echo("x");

        var stopping = silo.DisposeAsync().AsTask();
        await probe.DeactivationStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var late = grain.Echo("too late");
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => late);
        Assert.Equal(1, probe.Activations);
    }
}

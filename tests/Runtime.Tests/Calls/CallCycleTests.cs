namespace Meridian.Runtime.Tests.Calls;

public sealed class CallCycleTests
{
    /// <summary>A cycle must fail at once: far sooner than the 30 s request timeout, which stays at its default here.</summary>
    private static readonly TimeSpan s_muchLessThanTheTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_calling_B_calling_A_fails_at_once_and_names_the_cycle()
    {
        await using var silo = await Silos.StartAsync();
        var a = silo.GrainFactory.GetGrain<IForwardingGrain>("a");

        var error = await Assert.ThrowsAsync<DeadlockException>(
            () => a.Forward(["b", "a"]).WaitAsync(s_muchLessThanTheTimeout, TestContext.Current.CancellationToken));

        Assert.Equal(["forwarding/s:a", "forwarding/s:b", "forwarding/s:a"], error.Cycle.Select(id => id.ToString()));
        Assert.Contains("forwarding/s:a -> forwarding/s:b -> forwarding/s:a", error.Message, StringComparison.Ordinal);
        Assert.Contains("IForwardingGrain.Forward", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_calling_itself_fails_at_once()
    {
        await using var silo = await Silos.StartAsync();
        var a = silo.GrainFactory.GetGrain<IForwardingGrain>("a");

        var error = await Assert.ThrowsAsync<DeadlockException>(
            () => a.Forward(["a"]).WaitAsync(s_muchLessThanTheTimeout, TestContext.Current.CancellationToken));

        Assert.Equal(["forwarding/s:a", "forwarding/s:a"], error.Cycle.Select(id => id.ToString()));
    }

    [Fact]
    public async Task A_three_grain_cycle_fails_at_once_and_names_every_grain()
    {
        await using var silo = await Silos.StartAsync();
        var a = silo.GrainFactory.GetGrain<IForwardingGrain>("a");

        var error = await Assert.ThrowsAsync<DeadlockException>(
            () => a.Forward(["b", "c", "a"]).WaitAsync(s_muchLessThanTheTimeout, TestContext.Current.CancellationToken));

        Assert.Equal(["forwarding/s:a", "forwarding/s:b", "forwarding/s:c", "forwarding/s:a"], error.Cycle.Select(id => id.ToString()));
    }

    [Fact]
    public async Task A_chain_without_a_cycle_completes()
    {
        await using var silo = await Silos.StartAsync();

        var reached = await silo.GrainFactory.GetGrain<IForwardingGrain>("a").Forward(["b", "c", "d"]);

        Assert.Equal("reached d", reached);
    }

    [Fact]
    public async Task Reentrant_grains_may_call_back_into_each_other()
    {
        await using var silo = await Silos.StartAsync();

        var reached = await silo.GrainFactory.GetGrain<IReentrantForwardingGrain>("a").Forward(["b", "a", "b", "a"])
            .WaitAsync(s_muchLessThanTheTimeout, TestContext.Current.CancellationToken);

        Assert.Equal("reached a", reached);
    }

    [Fact]
    public async Task The_grain_stays_usable_after_a_detected_cycle()
    {
        await using var silo = await Silos.StartAsync();
        var a = silo.GrainFactory.GetGrain<IForwardingGrain>("a");
        await Assert.ThrowsAsync<DeadlockException>(() => a.Forward(["b", "a"]));

        Assert.Equal("reached a", await a.Forward([]));
    }

    [Fact]
    public async Task A_call_back_from_a_call_nobody_awaits_is_not_a_cycle()
    {
        await using var silo = await Silos.StartAsync();
        var notifier = silo.GrainFactory.GetGrain<INotifierGrain>("n");
        var listener = silo.GrainFactory.GetGrain<IListenerGrain>("l");
        await notifier.Callbacks();
        await listener.LastError();

        await notifier.Notify("l");
        await silo.RunUntilIdleAsync();

        Assert.Null(await listener.LastError());
        Assert.Equal(1, await notifier.Callbacks());
    }

    [Fact]
    public async Task A_deep_chain_of_calls_between_active_grains_does_not_overflow_the_stack()
    {
        await using var silo = await Silos.StartAsync();
        var keys = Enumerable.Range(0, 20_000).Select(i => "d" + i).ToArray();
        foreach (var key in keys)
            await silo.GrainFactory.GetGrain<IForwardingGrain>(key).Forward([]);

        var reached = await silo.GrainFactory.GetGrain<IForwardingGrain>("start").Forward(keys)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal("reached d19999", reached);
    }
}

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
}

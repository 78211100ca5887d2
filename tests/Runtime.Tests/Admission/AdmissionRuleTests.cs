using Meridian.Runtime.TestingHost;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Admission;

/// <summary>
/// Orleans' admission rules, shown by ordering: a request is held at a gate, and the test looks at what the
/// runtime admits meanwhile (a request the runtime holds back is visible as waiting in the introspection).
/// </summary>
public sealed class AdmissionRuleTests
{
    private static Task<TestSilo> StartAsync(GateProbe probe) => Silos.StartAsync(s => s.Services.AddSingleton(probe));

    private static int Waiting(TestSilo silo, string grainType) =>
        silo.Introspection.GetActiveGrains(grainType).Sum(g => g.WaitingRequests);

    [Fact]
    public async Task A_grain_runs_one_request_at_a_time_across_awaits()
    {
        var probe = new GateProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ISerialGrain>("s");

        var first = grain.Run("a");
        await probe.WhenStarted("a");
        var second = grain.Run("b");

        Assert.Equal(1, Waiting(silo, "serial"));
        Assert.False(probe.HasStarted("b"));
        probe.Open("a");
        probe.Open("b");
        await Task.WhenAll(first, second);
        Assert.Equal(["start a", "end a", "start b", "end b"], probe.Log);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_at_awaits()
    {
        var probe = new GateProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IReentrantGrain>("r");

        var first = grain.Run("a");
        await probe.WhenStarted("a");
        var second = grain.Run("b");
        await probe.WhenStarted("b");
        probe.Open("b");
        await second;
        probe.Open("a");
        await first;

        Assert.Equal(["start a", "start b", "end b", "end a"], probe.Log);
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_another_request_waits()
    {
        var probe = new GateProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ISerialGrain>("s");

        var running = grain.Run("a");
        await probe.WhenStarted("a");
        var interleaving = grain.Interleaving("b");
        await probe.WhenStarted("b");
        probe.Open("b");
        await interleaving;

        Assert.False(running.IsCompleted);
        probe.Open("a");
        await running;
        Assert.Equal(["start a", "start b", "end b", "end a"], probe.Log);
    }

    [Fact]
    public async Task Read_only_requests_interleave_with_each_other()
    {
        var probe = new GateProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ISerialGrain>("s");

        var first = grain.Read("a");
        await probe.WhenStarted("a");
        var second = grain.Read("b");
        await probe.WhenStarted("b");

        probe.Open("a");
        probe.Open("b");
        await Task.WhenAll(first, second);
        Assert.Equal(0, Waiting(silo, "serial"));
    }

    [Fact]
    public async Task A_writer_waits_for_running_readers_and_readers_behind_it_wait_too()
    {
        var probe = new GateProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ISerialGrain>("s");

        var reader = grain.Read("r1");
        await probe.WhenStarted("r1");
        var writer = grain.Run("w");
        var laterReader = grain.Read("r2");

        Assert.Equal(2, Waiting(silo, "serial"));
        Assert.False(probe.HasStarted("w"));
        Assert.False(probe.HasStarted("r2"));
        probe.Open("r1");
        await probe.WhenStarted("w");
        Assert.False(probe.HasStarted("r2"));
        probe.Open("w");
        probe.Open("r2");
        await Task.WhenAll(reader, writer, laterReader);
        Assert.Equal(["start r1", "end r1", "start w", "end w", "start r2", "end r2"], probe.Log);
    }

    [Fact]
    public async Task A_read_only_request_waits_for_a_running_writer()
    {
        var probe = new GateProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ISerialGrain>("s");

        var writer = grain.Run("w");
        await probe.WhenStarted("w");
        var reader = grain.Read("r");

        Assert.Equal(1, Waiting(silo, "serial"));
        probe.Open("w");
        probe.Open("r");
        await Task.WhenAll(writer, reader);
        Assert.Equal(["start w", "end w", "start r", "end r"], probe.Log);
    }

    [Fact]
    public async Task A_one_way_call_returns_before_the_grain_has_finished()
    {
        var probe = new GateProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<ISerialGrain>("s");

        await grain.Fire("f");
        await probe.WhenStarted("f");

        Assert.DoesNotContain("end f", probe.Log);
        probe.Open("f");
        probe.Open("after");
        await grain.Run("after");
        Assert.Equal(["start f", "end f", "start after", "end after"], probe.Log);
    }

    [Fact]
    public async Task A_stateless_worker_runs_up_to_its_limit_of_activations_at_once()
    {
        var probe = new GateProbe();
        await using var silo = await StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IWorkerGrain>("pool");

        var a = grain.Run("a");
        var b = grain.Run("b");
        await probe.WhenStarted("a");
        await probe.WhenStarted("b");
        var c = grain.Run("c");

        Assert.Equal(2, silo.Introspection.GetActiveGrains("worker").Count);
        Assert.Equal(1, Waiting(silo, "worker"));
        probe.Open("a");
        await probe.WhenStarted("c");
        probe.Open("b");
        probe.Open("c");
        await Task.WhenAll(a, b, c);
        Assert.Equal(2, silo.Introspection.GetActiveGrains("worker").Count);
    }
}

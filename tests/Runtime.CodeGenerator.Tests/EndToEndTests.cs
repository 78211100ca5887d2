using System.Reflection;
using Meridian.Runtime.TestingHost;

namespace Meridian.Runtime.CodeGenerator.Tests;

/// <summary>
/// Generated code against the real runtime: a snippet is compiled with the generator, loaded, given to a test
/// silo, and driven by a scenario method of the snippet itself (so that the calls are compiled against the grain
/// interfaces, as user code is).
/// </summary>
public sealed class EndToEndTests
{
    private const string Grains = """
        using Meridian.Runtime.CodeGeneration;

        namespace Shop;

        public interface ICounter : IGrainWithStringKey
        {
            Task Reset();
            Task<int> Add(int amount);
            ValueTask Double();
            [ReadOnly] ValueTask<int> Get();
            [OneWay] Task Ping(string? note);
            Task<string?> LastNote();
            Task Fail(string message);
            Task Leave();
        }

        public interface IForwarder : IGrainWithIntegerKey
        {
            Task<int> AddTo(string counter, int amount);
        }

        public sealed class CounterGrain([PersistentState("count")] IPersistentState<int> count, TimeProvider clock) : Grain, ICounter
        {
            public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Activations = new();

            private string? _note;

            public override Task OnActivateAsync(CancellationToken cancellationToken)
            {
                Activations.AddOrUpdate(GrainId.ToString(), 1, (_, n) => n + 1);
                return Task.CompletedTask;
            }

            public Task Reset() { count.State = 0; return count.WriteStateAsync(); }
            public async Task<int> Add(int amount) { count.State += amount; await count.WriteStateAsync(); return count.State; }
            public ValueTask Double() { count.State *= 2; return new(count.WriteStateAsync()); }
            public ValueTask<int> Get() => new(count.State);
            public Task Ping(string? note) { _note = note + "@" + clock.GetUtcNow().Year; return Task.CompletedTask; }
            public Task<string?> LastNote() => Task.FromResult(_note);
            public Task Fail(string message) => throw new InvalidOperationException(message);
            public Task Leave() { DeactivateOnIdle(); return Task.CompletedTask; }
        }

        public sealed class ForwarderGrain : Grain, IForwarder
        {
            public Task<int> AddTo(string counter, int amount) => GrainFactory.GetGrain<ICounter>(counter).Add(amount);
        }

        public static class Scenarios
        {
            public static async Task<string> AllReturnKinds(IGrainFactory grains)
            {
                var counter = grains.GetGrain<ICounter>("all");
                await counter.Reset();
                var added = await counter.Add(5);
                await counter.Double();
                return added + " " + await counter.Get();
            }

            public static async Task<string?> OneWay(IGrainFactory grains, Func<Task> runUntilIdle)
            {
                var counter = grains.GetGrain<ICounter>("one-way");
                await counter.Ping("hello");
                await runUntilIdle();
                return await counter.LastNote();
            }

            public static Task Fail(IGrainFactory grains) => grains.GetGrain<ICounter>("fail").Fail("boom");

            /// <summary>The count read back, and how many activations the grain had.</summary>
            public static async Task<string> StateSurvivesDeactivation(IGrainFactory grains, Func<Task> runUntilIdle)
            {
                var counter = grains.GetGrain<ICounter>("durable");
                await counter.Add(7);
                await counter.Leave();
                await runUntilIdle();
                var count = await counter.Get();
                return count + " after " + CounterGrain.Activations[((GrainReference)(object)counter).GrainId.ToString()] + " activations";
            }

            public static Task<int> GrainToGrain(IGrainFactory grains) => grains.GetGrain<IForwarder>(1).AddTo("forwarded", 3);
        }
        """;

    private static readonly Lazy<Assembly> s_grains = new(() => GeneratorHarness.Load(GeneratorHarness.Run(Grains).AssertClean().Output));

    [Fact]
    public async Task A_generated_proxy_calls_a_grain_for_all_four_return_kinds()
    {
        await using var silo = await StartAsync();

        var result = await Scenario<string>("AllReturnKinds", silo.GrainFactory);

        Assert.Equal("5 10", result);
    }

    [Fact]
    public async Task A_one_way_call_reaches_the_grain()
    {
        await using var silo = await StartAsync();

        var note = await Scenario<string?>("OneWay", silo.GrainFactory, (Func<Task>)silo.RunUntilIdleAsync);

        Assert.Equal("hello@" + silo.Clock.GetUtcNow().Year, note);
    }

    [Fact]
    public async Task An_exception_thrown_by_a_grain_reaches_the_caller_through_the_proxy()
    {
        await using var silo = await StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Scenario("Fail", silo.GrainFactory));

        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public async Task Persistent_state_supplied_by_the_generated_factory_survives_deactivation()
    {
        await using var silo = await StartAsync();

        var result = await Scenario<string>("StateSurvivesDeactivation", silo.GrainFactory, (Func<Task>)silo.RunUntilIdleAsync);

        Assert.Equal("7 after 2 activations", result);
    }

    [Fact]
    public async Task A_grain_calls_another_grain_through_its_generated_proxy()
    {
        await using var silo = await StartAsync();

        var count = await Scenario<int>("GrainToGrain", silo.GrainFactory);

        Assert.Equal(3, count);
    }

    private static Task<TestSilo> StartAsync() => TestSilo.StartAsync(silo => silo.AddGrainAssembly(s_grains.Value));

    private static Task Scenario(string name, params object[] arguments) =>
        (Task)s_grains.Value.GetType("Shop.Scenarios", throwOnError: true)!.GetMethod(name)!.Invoke(null, arguments)!;

    private static async Task<T> Scenario<T>(string name, params object[] arguments) =>
        await (Task<T>)Scenario(name, arguments);
}

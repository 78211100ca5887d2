using Meridian.Runtime.TestingHost;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Filters;

public sealed class CallFilterTests
{
    [Fact]
    public async Task An_incoming_filter_sees_the_method_and_arguments_and_can_change_the_result()
    {
        var log = new FilterLog();
        await using var silo = await Silos.StartAsync(s => s.AddIncomingGrainCallFilter(async context =>
        {
            log.Entries.Enqueue($"{context.Method.DisplayName}({context.Request.GetArgument(0)}, {context.Request.GetArgument(1)}) on {context.TargetId}");
            await context.Invoke();
            context.Result = (int)context.Result! * 10;
        }));

        var result = await silo.GrainFactory.GetGrain<ICalculatorGrain>("c").Add(2, 3);

        Assert.Equal(50, result);
        Assert.Equal(["ICalculatorGrain.Add(2, 3) on calculator/s:c"], log.Entries);
    }

    [Fact]
    public async Task Incoming_filters_run_in_registration_order_then_the_grain_own_filter()
    {
        var log = new FilterLog();
        await using var silo = await Silos.StartAsync(s =>
        {
            s.Services.AddSingleton(log);
            s.AddIncomingGrainCallFilter(async context =>
            {
                log.Entries.Enqueue("first before");
                await context.Invoke();
                log.Entries.Enqueue("first after");
            });
            s.AddIncomingGrainCallFilter(async context =>
            {
                log.Entries.Enqueue("second before");
                await context.Invoke();
                log.Entries.Enqueue("second after");
            });
        });

        Assert.Equal(42, await silo.GrainFactory.GetGrain<ISelfFilteringGrain>("g").Twice(21));

        Assert.Equal(
            ["first before", "second before", "grain filter before Twice", "grain filter after Twice", "second after", "first after"],
            log.Entries);
    }

    [Fact]
    public async Task A_grain_filter_alone_also_runs()
    {
        var log = new FilterLog();
        await using var silo = await Silos.StartAsync(s => s.Services.AddSingleton(log));

        Assert.Equal(8, await silo.GrainFactory.GetGrain<ISelfFilteringGrain>("g").Twice(4));

        Assert.Equal(["grain filter before Twice", "grain filter after Twice"], log.Entries);
    }

    [Fact]
    public async Task An_outgoing_filter_sees_calls_from_clients_and_from_grains()
    {
        var log = new FilterLog();
        await using var silo = await Silos.StartAsync(s => s.AddOutgoingGrainCallFilter(async context =>
        {
            log.Entries.Enqueue($"{context.Method.Name} to {context.Grain.GrainId}");
            await context.Invoke();
        }));

        var result = await silo.GrainFactory.GetGrain<ICalculatorGrain>("front").AddThroughOther("back", 1, 2);

        Assert.Equal(3, result);
        Assert.Equal(["AddThroughOther to calculator/s:front", "Add to calculator/s:back"], log.Entries);
    }

    [Fact]
    public async Task A_filter_that_refuses_a_call_fails_it_for_the_caller()
    {
        await using var silo = await Silos.StartAsync(s => s.AddIncomingGrainCallFilter(context =>
            context.Request.GetArgument(0) is int a && a < 0
                ? throw new UnauthorizedAccessException("negative amounts are not allowed")
                : context.Invoke()));
        var grain = silo.GrainFactory.GetGrain<ICalculatorGrain>("c");

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => grain.Add(-1, 2));

        Assert.Equal("negative amounts are not allowed", error.Message);
        Assert.Equal(3, await grain.Add(1, 2));
    }

    [Fact]
    public async Task Without_filters_nothing_is_intercepted()
    {
        await using TestSilo silo = await Silos.StartAsync();

        Assert.Equal(7, await silo.GrainFactory.GetGrain<ICalculatorGrain>("c").Add(3, 4));
    }
}

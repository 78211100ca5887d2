using Meridian.Runtime.Tests.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Clock;

/// <summary>The silo on its simulated clock: run-until-idle finishes chains of work, and runs are deterministic.</summary>
public sealed class SiloClockTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RunUntilIdle_waits_for_a_chain_of_one_way_call_stream_event_timer_and_storage_write()
    {
        await using var silo = await Silos.StartAsync();
        var start = silo.Clock.GetUtcNow();

        await silo.GrainFactory.GetGrain<IClockChainStartGrain>("k").StartAsync(TimeSpan.Zero);
        await silo.IdleAsync();

        Assert.Equal(
            [$"ticked at {start:O}, recorded at {start:O}"],
            await silo.GrainFactory.GetGrain<IClockChainRecorderGrain>("k").GetRecordsAsync());
    }

    [Fact]
    public async Task RunUntilIdle_does_not_move_the_clock_to_complete_a_delay()
    {
        await using var silo = await Silos.StartAsync();
        var start = silo.Clock.GetUtcNow();

        await silo.GrainFactory.GetGrain<IClockChainStartGrain>("k").StartAsync(5 * Second);
        await silo.IdleAsync();
        var clockWhenIdle = silo.Clock.GetUtcNow();
        var recordsWhenIdle = await silo.GrainFactory.GetGrain<IClockChainRecorderGrain>("k").GetRecordsAsync();

        // Let the listener's tick finish (it waits for the delay), so that the silo can stop.
        await silo.AdvanceAsync(5 * Second);

        Assert.Equal(start, clockWhenIdle);
        Assert.Empty(recordsWhenIdle);
    }

    [Fact]
    public async Task Advancing_the_clock_completes_a_delay_awaited_in_a_chain()
    {
        await using var silo = await Silos.StartAsync();
        var start = silo.Clock.GetUtcNow();
        await silo.GrainFactory.GetGrain<IClockChainStartGrain>("k").StartAsync(5 * Second);
        await silo.IdleAsync();

        await silo.AdvanceAsync(5 * Second);

        Assert.Equal(
            [$"ticked at {start:O}, recorded at {start + 5 * Second:O}"],
            await silo.GrainFactory.GetGrain<IClockChainRecorderGrain>("k").GetRecordsAsync());
    }

    [Fact]
    public async Task Grain_timers_due_at_the_same_time_tick_in_registration_order()
    {
        var probe = new TimerProbe();
        await using var silo = await Silos.StartAsync(s => s.Services.AddSingleton(probe));
        foreach (var key in new[] { "z", "x", "y" })
            await silo.GrainFactory.GetGrain<ITimerTickerGrain>(key).StartTimerAsync(new TimerPlan(5 * Second, Timeout.InfiniteTimeSpan));

        await silo.AdvanceAsync(5 * Second);

        Assert.Equal(["z: tick 1 start", "x: tick 1 start", "y: tick 1 start"], probe.Log.Where(e => e.EndsWith("tick 1 start", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Grain_timers_tick_in_due_time_order_whatever_their_registration_order()
    {
        var probe = new TimerProbe();
        await using var silo = await Silos.StartAsync(s => s.Services.AddSingleton(probe));
        await silo.GrainFactory.GetGrain<ITimerTickerGrain>("late").StartTimerAsync(new TimerPlan(9 * Second, Timeout.InfiniteTimeSpan));
        await silo.GrainFactory.GetGrain<ITimerTickerGrain>("early").StartTimerAsync(new TimerPlan(3 * Second, Timeout.InfiniteTimeSpan));
        await silo.GrainFactory.GetGrain<ITimerTickerGrain>("middle").StartTimerAsync(new TimerPlan(6 * Second, Timeout.InfiniteTimeSpan));

        await silo.AdvanceAsync(10 * Second);

        Assert.Equal(["early: tick 1 start", "middle: tick 1 start", "late: tick 1 start"], probe.Log.Where(e => e.EndsWith("tick 1 start", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_same_scenario_run_twice_gives_the_same_log_in_every_grain()
    {
        var first = await RunScenarioAsync();
        var second = await RunScenarioAsync();

        Assert.Equal(first.Keys, second.Keys);
        foreach (var (grain, log) in first)
            Assert.Equal(log, second[grain]);
    }

    [Fact]
    public async Task The_scenario_has_the_number_of_ticks_reports_and_events_its_periods_give()
    {
        var logs = await RunScenarioAsync();

        // Over 30 s: a ticks every 2 s (15 ticks), b every 3 s (10), c every 5 s (6); each tick is one report and one event.
        Assert.Equal(15, logs["a"].Count(e => e.Contains(" tick ", StringComparison.Ordinal)));
        Assert.Equal(10, logs["b"].Count(e => e.Contains(" tick ", StringComparison.Ordinal)));
        Assert.Equal(6, logs["c"].Count(e => e.Contains(" tick ", StringComparison.Ordinal)));
        Assert.Equal(31, logs["hub"].Count);
        Assert.Equal(31, logs["feed"].Count(e => e.Contains(" event ", StringComparison.Ordinal)));
        Assert.Equal(logs["hub"].Count, logs["hub"].Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Three traders tick, report to a hub and publish to a feed that schedules follow-ups; 30 simulated seconds.</summary>
    private static async Task<Dictionary<string, List<string>>> RunScenarioAsync()
    {
        await using var silo = await Silos.StartAsync();
        var traders = new[] { ("a", 2 * Second), ("b", 3 * Second), ("c", 5 * Second) };
        foreach (var (key, period) in traders)
            await silo.GrainFactory.GetGrain<IClockTraderGrain>(key).StartAsync(period);

        await silo.AdvanceAsync(30 * Second);

        var logs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, _) in traders)
            logs[key] = await silo.GrainFactory.GetGrain<IClockTraderGrain>(key).GetLogAsync();
        logs["hub"] = await silo.GrainFactory.GetGrain<IClockHubGrain>("hub").GetLogAsync();
        logs["feed"] = await silo.GrainFactory.GetGrain<IClockFeedGrain>(ClockTraderGrain.FeedKey).GetLogAsync();
        return logs;
    }
}

using Meridian.Runtime.Hosting;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Timers;

/// <summary>Grain timers on the silo's simulated clock: when they tick, and that they never overlap.</summary>
public sealed class GrainTimerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_timer_fires_at_its_due_time_then_every_period()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var start = silo.Clock.GetUtcNow();
        await Ticker(silo).StartTimerAsync(new TimerPlan(10 * Second, 5 * Second));

        await silo.AdvanceAsync(30 * Second);

        Assert.Equal([10 * Second, 15 * Second, 20 * Second, 25 * Second, 30 * Second], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task A_timer_does_not_fire_before_its_due_time()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        await Ticker(silo).StartTimerAsync(new TimerPlan(10 * Second, 5 * Second));

        await silo.AdvanceAsync(10 * Second - TimeSpan.FromTicks(1));
        var beforeDue = probe.TickCount("k");
        await silo.AdvanceAsync(TimeSpan.FromTicks(1));

        Assert.Equal(0, beforeDue);
        Assert.Equal(1, probe.TickCount("k"));
    }

    [Fact]
    public async Task A_timer_with_a_due_time_of_zero_fires_when_the_silo_runs_until_idle()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var start = silo.Clock.GetUtcNow();
        await Ticker(silo).StartTimerAsync(new TimerPlan(TimeSpan.Zero, Timeout.InfiniteTimeSpan));

        await silo.IdleAsync();

        Assert.Equal([TimeSpan.Zero], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task A_timer_with_an_infinite_period_fires_once()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var start = silo.Clock.GetUtcNow();
        await Ticker(silo).StartTimerAsync(new TimerPlan(5 * Second, Timeout.InfiniteTimeSpan));

        await silo.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal([5 * Second], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task A_timer_with_an_infinite_due_time_never_fires()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        await Ticker(silo).StartTimerAsync(new TimerPlan(Timeout.InfiniteTimeSpan, 5 * Second));

        await silo.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(0, probe.TickCount("k"));
    }

    [Fact]
    public async Task The_callback_receives_the_state_the_timer_was_registered_with()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        await Ticker(silo).StartTimerWithStateAsync("EURUSD", 5 * Second);

        await silo.AdvanceAsync(5 * Second);

        Assert.Equal(["k: activate", "k: tick with state EURUSD"], probe.Log);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tick_never_overlaps_the_previous_one(bool interleave)
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        await Ticker(silo).StartTimerAsync(new TimerPlan(Second, Second) { Interleave = interleave, GatedTicks = [1] });

        await silo.AdvanceAsync(Second);
        await silo.AdvanceAsync(60 * Second);
        var whileFirstTickRuns = probe.Log.ToList();
        probe.Open("tick 1");
        await probe.WhenLogged("k: tick 1 end");
        await silo.IdleAsync();

        Assert.Equal(["k: activate", "k: tick 1 start"], whileFirstTickRuns);
        Assert.Equal(1, probe.TickCount("k"));
    }

    [Fact]
    public async Task The_next_period_starts_when_the_previous_tick_completes()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var start = silo.Clock.GetUtcNow();
        await Ticker(silo).StartTimerAsync(new TimerPlan(10 * Second, 5 * Second) { GatedTicks = [1] });
        await silo.AdvanceAsync(10 * Second);
        await silo.AdvanceAsync(20 * Second);

        probe.Open("tick 1");
        await probe.WhenLogged("k: tick 1 end");
        await silo.IdleAsync();
        await silo.AdvanceAsync(10 * Second);

        Assert.Equal([10 * Second, 35 * Second, 40 * Second], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task A_non_interleaving_tick_waits_for_the_running_request()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var start = silo.Clock.GetUtcNow();
        var grain = Ticker(silo);
        await grain.StartTimerAsync(new TimerPlan(10 * Second, 5 * Second));
        var hold = grain.HoldAsync("h");

        await silo.AdvanceAsync(30 * Second);
        var whileHeld = probe.Log.ToList();
        probe.Open("h");
        await hold.WithinLimit();
        await silo.IdleAsync();

        Assert.Equal(["k: activate", "k: hold h start"], whileHeld);
        Assert.Equal(["k: activate", "k: hold h start", "k: hold h end", "k: tick 1 start", "k: tick 1 end"], probe.Log);
        Assert.Equal([30 * Second], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task A_running_non_interleaving_tick_keeps_requests_waiting()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var grain = Ticker(silo);
        await grain.StartTimerAsync(new TimerPlan(10 * Second, Timeout.InfiniteTimeSpan) { GatedTicks = [1] });
        await silo.AdvanceAsync(10 * Second);
        await probe.WhenLogged("k: tick 1 start");

        var ping = grain.PingAsync();
        var whileTickRuns = Assert.Single(silo.Introspection.GetActiveGrains("timerticker"));
        var pingedWhileTickRuns = ping.IsCompleted;
        probe.Open("tick 1");
        await ping.WithinLimit();

        Assert.False(pingedWhileTickRuns, "a request ran while a non-interleaving tick was running");
        Assert.Equal((1, 1), (whileTickRuns.RunningRequests, whileTickRuns.WaitingRequests));
        Assert.Equal(["k: activate", "k: tick 1 start", "k: tick 1 end", "k: ping"], probe.Log);
    }

    [Fact]
    public async Task An_interleaving_tick_runs_while_a_request_is_pending()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var grain = Ticker(silo);
        await grain.StartTimerAsync(new TimerPlan(10 * Second, Timeout.InfiniteTimeSpan) { Interleave = true });
        var hold = grain.HoldAsync("h");

        await silo.AdvanceAsync(10 * Second);
        var whileHeld = probe.Log.ToList();
        probe.Open("h");
        await hold.WithinLimit();

        Assert.Equal(["k: activate", "k: hold h start", "k: tick 1 start", "k: tick 1 end"], whileHeld);
    }

    [Fact]
    public async Task Disposing_a_timer_stops_its_ticks()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var start = silo.Clock.GetUtcNow();
        var grain = Ticker(silo);
        await grain.StartTimerAsync(new TimerPlan(5 * Second, 5 * Second));
        await silo.AdvanceAsync(15 * Second);

        await grain.DisposeTimerAsync();
        await silo.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal([5 * Second, 10 * Second, 15 * Second], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task Change_reschedules_the_next_tick_and_the_period()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var start = silo.Clock.GetUtcNow();
        var grain = Ticker(silo);
        await grain.StartTimerAsync(new TimerPlan(10 * Second, 10 * Second));
        await silo.AdvanceAsync(10 * Second);

        await grain.ChangeTimerAsync(2 * Second, 3 * Second);
        await silo.AdvanceAsync(10 * Second);

        Assert.Equal([10 * Second, 12 * Second, 15 * Second, 18 * Second], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task Change_before_the_first_tick_replaces_the_due_time()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var start = silo.Clock.GetUtcNow();
        var grain = Ticker(silo);
        await grain.StartTimerAsync(new TimerPlan(10 * Second, 10 * Second));

        await grain.ChangeTimerAsync(30 * Second, 4 * Second);
        await silo.AdvanceAsync(40 * Second);

        Assert.Equal([30 * Second, 34 * Second, 38 * Second], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task Change_called_by_a_tick_sets_the_due_time_of_the_next_tick()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe);
        var start = silo.Clock.GetUtcNow();
        await Ticker(silo).StartTimerAsync(new TimerPlan(10 * Second, 10 * Second) { ChangingTick = 1, ChangeTo = (2 * Second, 7 * Second) });

        await silo.AdvanceAsync(30 * Second);

        // IGrainTimer.Change: "Changes the due time and period of the next tick": 2 s after tick 1, then every 7 s.
        Assert.Equal([10 * Second, 12 * Second, 19 * Second, 26 * Second], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task An_exception_in_a_tick_is_logged()
    {
        var probe = new TimerProbe();
        var logs = new CapturedLogs();
        await using var silo = await StartAsync(probe, logs.AddTo);
        await Ticker(silo).StartTimerAsync(new TimerPlan(5 * Second, 5 * Second) { ThrowingTicks = [2] });

        await silo.AdvanceAsync(15 * Second);

        var logged = Assert.Single(logs.WithException<TimerTestException>());
        Assert.Equal("tick 2 failed", logged.Exception!.Message);
    }

    [Fact]
    public async Task A_timer_keeps_ticking_after_a_tick_throws()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe, new CapturedLogs().AddTo);
        var start = silo.Clock.GetUtcNow();
        await Ticker(silo).StartTimerAsync(new TimerPlan(5 * Second, 5 * Second) { ThrowingTicks = [1, 2] });

        await silo.AdvanceAsync(20 * Second);

        Assert.Equal([5 * Second, 10 * Second, 15 * Second, 20 * Second], probe.TickTimes("k", start));
    }

    [Fact]
    public async Task A_throwing_tick_does_not_deactivate_the_grain()
    {
        var probe = new TimerProbe();
        await using var silo = await StartAsync(probe, new CapturedLogs().AddTo);
        await Ticker(silo).StartTimerAsync(new TimerPlan(5 * Second, 5 * Second) { ThrowingTicks = [1] });

        await silo.AdvanceAsync(10 * Second);

        Assert.DoesNotContain(probe.Log, entry => entry.StartsWith("k: deactivate", StringComparison.Ordinal));
        Assert.Equal(1, probe.Log.Count(entry => entry == "k: activate"));
    }

    [Fact]
    public async Task A_tick_waiting_behind_a_slow_request_is_not_reported_as_a_timed_out_call()
    {
        var probe = new TimerProbe();
        var logs = new CapturedLogs();
        await using var silo = await StartAsync(probe, silo =>
        {
            logs.AddTo(silo);
            silo.Configure<SiloOptions>(o => o.RequestTimeout = TimeSpan.FromMilliseconds(50));
        });
        var grain = Ticker(silo);
        await grain.StartTimerAsync(new TimerPlan(Second, Timeout.InfiniteTimeSpan));
        var hold = grain.HoldAsync("h");
        await silo.AdvanceAsync(Second);

        // The sweep that times out the held call has looked at the tick waiting behind it first.
        await Assert.ThrowsAsync<TimeoutException>(() => hold.WithinLimit());
        var timedOutMethods = logs.Entries
            .Where(e => e.Message.Contains(" timed out ", StringComparison.Ordinal))
            .Select(e => e.Message[..e.Message.IndexOf(" to ", StringComparison.Ordinal)])
            .ToList();
        probe.Open("h");
        await probe.WhenLogged("k: tick 1 end");

        // Under load another call may also outlive the 50 ms limit; what matters is that the tick is never reported.
        Assert.Contains("ITimerTickerGrain.HoldAsync", timedOutMethods);
        Assert.DoesNotContain(timedOutMethods, method => method.Contains("IGrainTimer.Tick", StringComparison.Ordinal));
    }

    private static ITimerTickerGrain Ticker(TestSilo silo) => silo.GrainFactory.GetGrain<ITimerTickerGrain>("k");

    private static Task<TestSilo> StartAsync(TimerProbe probe, Action<SiloBuilder>? configure = null) =>
        Silos.StartAsync(silo =>
        {
            silo.Services.AddSingleton(probe);
            configure?.Invoke(silo);
        });
}

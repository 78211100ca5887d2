using Meridian.Runtime.Tests.Clock;

namespace Meridian.Runtime.Tests.Reminders;

/// <summary>When ticks come, and how updating and unregistering change that.</summary>
public abstract partial class ReminderConformance
{
    [Fact]
    public async Task A_reminder_ticks_at_its_due_time_then_every_period()
    {
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("r", dueTime: Minutes(2), period: Minutes(5));

        await AdvanceToAsync(silo, Minutes(20));

        Assert.Equal([Minutes(2), Minutes(7), Minutes(12), Minutes(17)], Probe.DeliveredAt(T0));
    }

    [Fact]
    public async Task A_reminder_does_not_tick_before_its_due_time()
    {
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("r", dueTime: Minutes(2), period: Minutes(5));

        await AdvanceToAsync(silo, Minutes(2) - TimeSpan.FromTicks(10));
        var beforeDue = Probe.Ticks.Count;
        await AdvanceToAsync(silo, Minutes(2));

        Assert.Equal(0, beforeDue);
        Assert.Single(Probe.Ticks);
    }

    [Fact]
    public async Task Each_tick_carries_the_first_tick_time_the_period_and_the_due_time_it_stands_for()
    {
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("r", dueTime: Minutes(2), period: Minutes(5));

        await AdvanceToAsync(silo, Minutes(7));

        Assert.Equal(
            [new TickStatus(T0 + Minutes(2), Minutes(5), T0 + Minutes(2)), new TickStatus(T0 + Minutes(2), Minutes(5), T0 + Minutes(7))],
            Probe.Ticks.Select(t => t.Status));
        Assert.All(Probe.Ticks, t => Assert.Equal(("k", "r"), (t.Grain, t.Reminder)));
    }

    [Fact]
    public async Task A_reminder_with_a_due_time_of_zero_ticks_when_the_silo_runs_until_idle()
    {
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("r", dueTime: TimeSpan.Zero, period: Minutes(1));

        await silo.IdleAsync();

        Assert.Equal([TimeSpan.Zero], Probe.DeliveredAt(T0));
    }

    [Fact]
    public async Task Registering_again_replaces_the_schedule()
    {
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("r", dueTime: Minutes(1), period: Minutes(10));
        await AdvanceToAsync(silo, Minutes(5));

        await Grain(silo).RegisterAsync("r", dueTime: Minutes(2), period: Minutes(3));
        await AdvanceToAsync(silo, Minutes(15));

        // The old schedule's tick at 11 min is gone; the new one starts at 5 + 2 = 7 min.
        Assert.Equal([Minutes(1), Minutes(7), Minutes(10), Minutes(13)], Probe.DeliveredAt(T0));
    }

    [Fact]
    public async Task Unregistering_a_reminder_stops_its_ticks()
    {
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("r", dueTime: Minutes(1), period: Minutes(1));
        await AdvanceToAsync(silo, Minutes(3));

        await Grain(silo).UnregisterAsync("r");
        await AdvanceToAsync(silo, Minutes(10));

        Assert.Equal([Minutes(1), Minutes(2), Minutes(3)], Probe.DeliveredAt(T0));
        Assert.Null(await Grain(silo).FindAsync("r"));
    }

    [Fact]
    public async Task A_grain_finds_and_lists_its_own_reminders_only()
    {
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("b", Minutes(1), Minutes(1));
        await Grain(silo).RegisterAsync("a", Minutes(1), Minutes(1));
        await Grain(silo, "other").RegisterAsync("c", Minutes(1), Minutes(1));

        Assert.Equal(["a", "b"], await Grain(silo).ListAsync());
        Assert.Equal("a", await Grain(silo).FindAsync("a"));
        Assert.Null(await Grain(silo).FindAsync("c"));
    }

    [Fact]
    public async Task A_tick_activates_a_grain_that_was_deactivated()
    {
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("r", dueTime: Minutes(1), period: Minutes(1));
        await Grain(silo).DeactivateAsync();
        await silo.IdleAsync();
        Assert.Empty(silo.Introspection.GetActiveGrains("reminder"));

        await AdvanceToAsync(silo, Minutes(1));

        Assert.Equal([Minutes(1)], Probe.DeliveredAt(T0));
        Assert.Equal(2, Probe.Activations);
    }

    [Fact]
    public async Task A_throwing_ReceiveReminder_is_logged_and_the_reminder_keeps_its_schedule()
    {
        Probe.ThrowingTicks = [1, 2];
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("r", dueTime: Minutes(1), period: Minutes(1));

        await AdvanceToAsync(silo, Minutes(4));

        Assert.Equal([Minutes(1), Minutes(2), Minutes(3), Minutes(4)], Probe.DeliveredAt(T0));
        Assert.Equal(["tick 1 failed", "tick 2 failed"], Logs.WithException<ReminderTestException>().Select(e => e.Exception!.Message));
    }

    [Fact]
    public async Task Ticks_of_one_reminder_never_overlap_even_on_a_reentrant_grain()
    {
        Probe.GatedTicks = [1];
        await using var silo = await StartSiloAsync();
        await silo.GrainFactory.GetGrain<IReentrantReminderGrain>("k").RegisterAsync("r", dueTime: Minutes(1), period: Minutes(1));

        await AdvanceToAsync(silo, Minutes(10));
        var whileTheFirstTickRuns = Probe.DeliveredAt(T0);
        Probe.Open(1);
        await Probe.WhenEnded(1);
        await silo.IdleAsync();
        await AdvanceToAsync(silo, Minutes(12));

        // Ticks 2..10 fell due while tick 1 ran: the latest of them (10 min) comes once when it ends, then 11 and 12.
        Assert.Equal([Minutes(1)], whileTheFirstTickRuns);
        Assert.Equal([Minutes(1), Minutes(10), Minutes(11), Minutes(12)], Probe.DeliveredAt(T0));
        Assert.Equal(1, Probe.MostTicksRunningAtOnce);
    }

    [Fact]
    public async Task A_tick_waiting_for_a_grain_asleep_on_the_clock_does_not_hold_the_clock_and_comes_when_the_grain_wakes()
    {
        await using var silo = await StartSiloAsync();
        await Grain(silo).RegisterAsync("r", dueTime: Minutes(1), period: Minutes(1));
        var sleep = Grain(silo).SleepAsync(Minutes(1.5));

        // If the tick due at 1 min held the clock, the clock could never reach 1.5 min, when the grain wakes.
        await AdvanceToAsync(silo, Minutes(1.5));
        await sleep.WithinLimit();
        await silo.IdleAsync();
        await AdvanceToAsync(silo, Minutes(3));

        Assert.Equal([Minutes(1.5), Minutes(2), Minutes(3)], Probe.DeliveredAt(T0));
        Assert.Equal([Minutes(1), Minutes(2), Minutes(3)], Probe.DueAt(T0));
    }
}

using Meridian.Runtime.Tests.Clock;

namespace Meridian.Runtime.Tests.Reminders;

/// <summary>
/// What a new silo on the same database does: it loads what the last one registered, and delivers a tick that fell
/// due while no silo ran exactly once. A silo stop writes nothing, so a stop here is as good as a kill.
/// </summary>
public abstract partial class ReminderConformance
{
    [Fact]
    public async Task A_reminder_keeps_its_schedule_across_a_silo_restart()
    {
        await using (var first = await StartSiloAsync())
        {
            await Grain(first).RegisterAsync("r", dueTime: Minutes(1), period: Minutes(1));
            await AdvanceToAsync(first, Minutes(2.5));
        }

        await using var second = await StartSiloAsync(Minutes(2.5));
        await AdvanceToAsync(second, Minutes(5));

        // Nothing fell due while no silo ran (2.5 min is between two ticks): no tick at the restart.
        Assert.Equal([Minutes(1), Minutes(2), Minutes(3), Minutes(4), Minutes(5)], Probe.DeliveredAt(T0));
    }

    [Fact]
    public async Task A_registration_is_stored_when_the_call_returns_so_a_silo_started_beside_it_loads_it()
    {
        await using var registering = await StartSiloAsync();
        await Grain(registering).RegisterAsync("r", dueTime: Minutes(1), period: Minutes(1));

        // The registering silo is never stopped (as if killed): the next one only has the database.
        await using var next = await StartSiloAsync();
        await AdvanceToAsync(next, Minutes(2));

        Assert.Equal([Minutes(1), Minutes(2)], Probe.DeliveredAt(T0));
    }

    [Fact]
    public async Task An_update_is_what_a_new_silo_on_the_same_database_loads()
    {
        await using (var first = await StartSiloAsync())
        {
            await Grain(first).RegisterAsync("r", dueTime: Minutes(1), period: Minutes(10));
            await Grain(first).RegisterAsync("r", dueTime: Minutes(2), period: Minutes(3));
        }

        await using var second = await StartSiloAsync();
        await AdvanceToAsync(second, Minutes(10));

        Assert.Equal([Minutes(2), Minutes(5), Minutes(8)], Probe.DeliveredAt(T0));
    }

    [Fact]
    public async Task An_unregistered_reminder_does_not_tick_in_a_new_silo_on_the_same_database()
    {
        await using (var first = await StartSiloAsync())
        {
            await Grain(first).RegisterAsync("r", dueTime: Minutes(1), period: Minutes(1));
            await Grain(first).UnregisterAsync("r");
        }

        await using var second = await StartSiloAsync();
        await AdvanceToAsync(second, Minutes(10));

        Assert.Empty(Probe.Ticks);
        Assert.Empty(await Grain(second).ListAsync());
    }

    [Fact]
    public async Task A_reminder_due_three_periods_ago_while_the_silo_was_down_fires_once_at_start_then_resumes()
    {
        await using (var first = await StartSiloAsync())
        {
            await Grain(first).RegisterAsync("r", dueTime: Minutes(5), period: Minutes(10));
            await AdvanceToAsync(first, Minutes(6));
        }

        // Down from 6 to 38 min: the ticks due at 15, 25 and 35 min were missed.
        await using var second = await StartSiloAsync(Minutes(38));
        await second.RunUntilIdleAsync();
        var atStart = Probe.DeliveredAt(T0);
        await AdvanceToAsync(second, Minutes(60));

        Assert.Equal([Minutes(5), Minutes(38)], atStart);
        Assert.Equal([Minutes(5), Minutes(38), Minutes(45), Minutes(55)], Probe.DeliveredAt(T0));
        Assert.Equal([Minutes(5), Minutes(35), Minutes(45), Minutes(55)], Probe.DueAt(T0));
    }

    [Fact]
    public async Task A_missed_tick_delivered_at_one_start_is_not_delivered_again_at_the_next()
    {
        await using (var first = await StartSiloAsync())
        {
            await Grain(first).RegisterAsync("r", dueTime: Minutes(5), period: Minutes(10));
            await AdvanceToAsync(first, Minutes(6));
        }

        await using (var second = await StartSiloAsync(Minutes(38)))
            await second.RunUntilIdleAsync();

        await using var third = await StartSiloAsync(Minutes(40));
        await AdvanceToAsync(third, Minutes(46));

        Assert.Equal([Minutes(5), Minutes(38), Minutes(45)], Probe.DeliveredAt(T0));
    }

    [Fact]
    public async Task A_reminder_whose_first_tick_fell_due_while_the_silo_was_down_fires_once_at_start()
    {
        await using (var first = await StartSiloAsync())
            await Grain(first).RegisterAsync("r", dueTime: Minutes(5), period: Minutes(10));

        // Down from 0 to 30 min: the ticks due at 5, 15 and 25 min were missed.
        await using var second = await StartSiloAsync(Minutes(30));
        await AdvanceToAsync(second, Minutes(40));

        Assert.Equal([Minutes(30), Minutes(35)], Probe.DeliveredAt(T0));
        Assert.Equal([Minutes(25), Minutes(35)], Probe.DueAt(T0));
    }

    [Fact]
    public async Task A_tick_that_ran_while_its_reminder_was_updated_does_not_count_for_the_new_schedule()
    {
        Probe.GatedTicks = [1];
        await using (var first = await StartSiloAsync())
        {
            var grain = first.GrainFactory.GetGrain<IReentrantReminderGrain>("k");
            await grain.RegisterAsync("r", dueTime: Minutes(1), period: Minutes(10));
            await AdvanceToAsync(first, Minutes(1));
            await grain.RegisterAsync("r", dueTime: Minutes(5), period: Minutes(10));
            Probe.Open(1);
            await Probe.WhenEnded(1);
            await first.IdleAsync();
        }

        await using var second = await StartSiloAsync(Minutes(2));
        await AdvanceToAsync(second, Minutes(7));

        // The update at 1 min starts the new schedule at 6 min; the old tick (1 min) must not count as its last.
        Assert.Equal([Minutes(1), Minutes(6)], Probe.DeliveredAt(T0));
    }
}

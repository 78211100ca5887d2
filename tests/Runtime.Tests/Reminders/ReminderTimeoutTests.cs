using Meridian.Runtime.Hosting;
using Meridian.Runtime.Tests.Clock;
using Meridian.Runtime.Tests.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Reminders;

/// <summary>
/// The request timeout does not apply to ticks: a tick given up on while it waits would be lost, and one given up on
/// while it runs would let the next tick overlap it. (Memory only: the timeout is real time, short on purpose, but long
/// enough that registering the reminder on a loaded machine, with every test project running, stays inside it.)
/// </summary>
public sealed class ReminderTimeoutTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_tick_that_waits_longer_than_the_request_timeout_is_still_delivered()
    {
        var probe = new ReminderProbe();
        var logs = new CapturedLogs();
        await using var silo = await Silos.StartAsync(s =>
        {
            logs.AddTo(s);
            s.AddMemoryReminders()
                .Configure<SiloOptions>(o => o.RequestTimeout = TimeSpan.FromSeconds(1))
                .Services.AddSingleton(probe);
        });
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("k");
        await grain.RegisterAsync("r", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        var held = grain.HoldAsync("h");
        await silo.AdvanceAsync(TimeSpan.FromMinutes(1));
        var queuedAfterTheTick = grain.ListAsync();

        // Waiting requests time out oldest first: once the call queued after the tick has timed out, the tick has
        // waited longer than the timeout too.
        await Assert.ThrowsAsync<TimeoutException>(() => queuedAfterTheTick.WithinLimit());
        var deliveredWhileHeld = probe.Ticks.Count;
        probe.Release("h");
        await Assert.ThrowsAsync<TimeoutException>(() => held.WithinLimit());
        await probe.WhenEnded(1);

        Assert.Equal(0, deliveredWhileHeld);
        Assert.Equal([TimeSpan.FromMinutes(1)], probe.DeliveredAt(T0));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("IRemindable.ReceiveReminder", StringComparison.Ordinal));
    }
}

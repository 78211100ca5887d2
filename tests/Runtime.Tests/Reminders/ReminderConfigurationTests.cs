using Meridian.Runtime.Hosting;
using Meridian.Runtime.Reminders;
using Meridian.Runtime.Tests.Clock;
using Meridian.Runtime.Tests.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Reminders;

/// <summary>How a silo is set up for reminders, and what it says when it is not.</summary>
public sealed class ReminderConfigurationTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Registering_without_a_reminder_service_fails_naming_how_to_register_one()
    {
        await using var silo = await Silos.StartAsync(s => s.Services.AddSingleton(new ReminderProbe()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => silo.GrainFactory.GetGrain<IReminderGrain>("k").RegisterAsync("r", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));

        Assert.Contains("no reminder service", error.Message, StringComparison.Ordinal);
        Assert.Contains("silo.AddSqliteReminders(path)", error.Message, StringComparison.Ordinal);
        Assert.Contains("silo.AddMemoryReminders()", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_minimum_reminder_period_that_is_not_positive_is_reported_at_startup(int seconds)
    {
        var error = await Assert.ThrowsAsync<SiloConfigurationException>(() => Silos.StartAsync(s => s
            .AddMemoryReminders()
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(seconds))));

        Assert.Contains(
            $"ReminderOptions.MinimumReminderPeriod must be more than zero (got {TimeSpan.FromSeconds(seconds)})",
            Assert.Single(error.Problems),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lowered_minimum_period_allows_shorter_periods()
    {
        var probe = new ReminderProbe();
        await using var silo = await Silos.StartAsync(s => s
            .AddMemoryReminders()
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1))
            .Services.AddSingleton(probe));

        await silo.GrainFactory.GetGrain<IReminderGrain>("k").RegisterAsync("r", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        await silo.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)], probe.DeliveredAt(T0));
    }

    [Fact]
    public async Task A_stored_reminder_of_a_grain_type_the_silo_does_not_have_is_logged_and_kept()
    {
        var table = new MemoryReminderTable();
        var gone = new ReminderEntry(new GrainId("retiredgrain", GrainKey.FromString("k")), "r", new ReminderSchedule(T0, TimeSpan.FromMinutes(1)), null);
        await table.UpsertAsync(gone);
        var logs = new CapturedLogs();

        await using var silo = await Silos.StartAsync(s =>
        {
            logs.AddTo(s);
            s.AddReminders(_ => table);
        });
        await silo.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Contains(logs.Entries, e => e.Message.Contains("no grain class of type 'retiredgrain'", StringComparison.Ordinal));
        Assert.Equal([gone], await table.ReadAllAsync(TestContext.Current.CancellationToken));
    }
}

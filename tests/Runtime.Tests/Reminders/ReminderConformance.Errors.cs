namespace Meridian.Runtime.Tests.Reminders;

/// <summary>Registrations that are refused: each names what is wrong, and nothing is stored.</summary>
public abstract partial class ReminderConformance
{
    [Fact]
    public async Task Registering_from_a_grain_that_is_not_remindable_fails_naming_the_class_and_IRemindable()
    {
        await using var silo = await StartSiloAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => silo.GrainFactory.GetGrain<INotRemindableGrain>("k").RegisterAsync("r", Minutes(1), Minutes(1)));

        Assert.Contains(typeof(NotRemindableGrain).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not implement IRemindable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_below_the_minimum_is_refused_naming_the_option()
    {
        await using var silo = await StartSiloAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Grain(silo).RegisterAsync("r", Minutes(1), TimeSpan.FromSeconds(59)));

        Assert.Equal("period", error.ParamName);
        Assert.Contains("shorter than the minimum 00:01:00 (ReminderOptions.MinimumReminderPeriod)", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Grain(silo).ListAsync());
    }

    [Fact]
    public async Task A_negative_due_time_is_refused()
    {
        await using var silo = await StartSiloAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Grain(silo).RegisterAsync("r", TimeSpan.FromSeconds(-1), Minutes(1)));

        Assert.Equal("dueTime", error.ParamName);
        Assert.Empty(await Grain(silo).ListAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_reminder_name_is_refused(string name)
    {
        await using var silo = await StartSiloAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Grain(silo).RegisterAsync(name, Minutes(1), Minutes(1)));

        Assert.Equal("reminderName", error.ParamName);
        Assert.Empty(await Grain(silo).ListAsync());
    }

    [Fact]
    public async Task A_refused_registration_leaves_nothing_to_tick()
    {
        await using var silo = await StartSiloAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Grain(silo).RegisterAsync("r", Minutes(1), TimeSpan.FromSeconds(30)));

        await AdvanceToAsync(silo, Minutes(10));

        Assert.Empty(Probe.Ticks);
    }
}

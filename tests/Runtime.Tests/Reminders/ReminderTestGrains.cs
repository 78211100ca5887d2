using Meridian.Runtime.Concurrency;

namespace Meridian.Runtime.Tests.Reminders;

/// <summary>A grain that registers reminders as the test asks and reports their ticks to the <see cref="ReminderProbe"/>.</summary>
public interface IReminderGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);

    /// <summary>Looks the reminder up by name and unregisters it.</summary>
    Task UnregisterAsync(string name);

    /// <summary>The name of the reminder <paramref name="name"/>, or null when the grain has none by that name.</summary>
    Task<string?> FindAsync(string name);

    Task<string[]> ListAsync();

    /// <summary>Keeps the grain busy, asleep on the silo's clock, for <paramref name="duration"/>.</summary>
    Task SleepAsync(TimeSpan duration);

    /// <summary>Keeps the grain busy until the probe releases <paramref name="hold"/>.</summary>
    Task HoldAsync(string hold);

    Task DeactivateAsync();
}

public sealed class ReminderGrain(ReminderProbe probe) : Grain, IReminderGrain, IRemindable
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated();
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        probe.ReceiveAsync(this.GetPrimaryKeyString(), reminderName, status, Clock.GetUtcNow());

    public Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public async Task UnregisterAsync(string name)
    {
        var reminder = await GetReminder(name) ?? throw new InvalidOperationException($"no reminder '{name}' to unregister");
        await UnregisterReminder(reminder);
    }

    public async Task<string?> FindAsync(string name) => (await GetReminder(name))?.ReminderName;

    public async Task<string[]> ListAsync() => [.. (await GetReminders()).Select(r => r.ReminderName)];

    public async Task SleepAsync(TimeSpan duration) => await Task.Delay(duration, Clock);

    public async Task HoldAsync(string hold) => await probe.HoldAsync(hold);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

/// <summary>A reentrant reminder grain: nothing but the reminder service keeps its ticks from overlapping.</summary>
public interface IReentrantReminderGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);
}

[Reentrant]
public sealed class ReentrantReminderGrain(ReminderProbe probe) : Grain, IReentrantReminderGrain, IRemindable
{
    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        probe.ReceiveAsync(this.GetPrimaryKeyString(), reminderName, status, Clock.GetUtcNow());

    public Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);
}

/// <summary>A grain that tries to register a reminder without implementing IRemindable.</summary>
public interface INotRemindableGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);
}

public sealed class NotRemindableGrain : Grain, INotRemindableGrain
{
    public Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);
}

namespace Meridian.Runtime;

/// <summary>
/// A grain that receives durable reminders (Orleans' IRemindable). Register them from grain code with
/// <see cref="Grain.RegisterOrUpdateReminder"/>; each tick arrives as a call on the grain's turn, activating the
/// grain if needed, also after a silo restart.
/// </summary>
public interface IRemindable : IGrain
{
    /// <summary>One tick of the reminder <paramref name="reminderName"/>; an exception is logged and the reminder keeps its schedule.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <summary>A registered reminder, as returned by registration and look-up; pass it to <see cref="Grain.UnregisterReminder"/>.</summary>
public interface IGrainReminder
{
    /// <summary>The name, unique per grain.</summary>
    string ReminderName { get; }
}

/// <summary>
/// Where a reminder tick falls in its schedule: ticks are due at <see cref="FirstTickTime"/> + k ×
/// <see cref="Period"/>. <see cref="CurrentTickTime"/> is the due time this tick stands for (not the time it was
/// delivered), so a tick delivered again after a crash carries the same time and can be recognized.
/// </summary>
/// <param name="FirstTickTime">When the first tick was due: registration time plus due time (UTC).</param>
/// <param name="Period">The time between two due ticks.</param>
/// <param name="CurrentTickTime">The due time of this tick (UTC); earlier than the clock when the tick is late.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);

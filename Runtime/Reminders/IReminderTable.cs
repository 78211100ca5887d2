namespace Meridian.Runtime.Reminders;

/// <summary>
/// Where a silo's reminders are kept (Orleans' IReminderTable): in memory, or in a database table. Every write is
/// durable when its task completes.
/// </summary>
internal interface IReminderTable
{
    /// <summary>Every reminder of the silo's service.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds the reminder, or replaces the schedule of the one with the same grain and name; no tick is recorded yet.</summary>
    Task UpsertAsync(ReminderEntry entry);

    /// <summary>Removes the reminder; nothing happens when there is none.</summary>
    Task RemoveAsync(GrainId grainId, string name);

    /// <summary>
    /// Records that the tick due at <paramref name="tick"/> was delivered, if the reminder still has
    /// <paramref name="schedule"/>: a tick that ran while its reminder was updated or unregistered changes nothing.
    /// </summary>
    Task RecordTickAsync(GrainId grainId, string name, ReminderSchedule schedule, DateTimeOffset tick);
}

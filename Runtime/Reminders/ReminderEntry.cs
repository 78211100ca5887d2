namespace Meridian.Runtime.Reminders;

/// <summary>
/// A reminder as a table keeps it: whose it is, its schedule, and the due time of the last tick delivered (null
/// when none was since it was registered), which is what makes a missed tick fire once and not again.
/// </summary>
internal sealed record ReminderEntry(GrainId GrainId, string Name, ReminderSchedule Schedule, DateTimeOffset? LastTick);

/// <summary>The handle grain code gets for a reminder.</summary>
internal sealed record GrainReminder(string ReminderName) : IGrainReminder;

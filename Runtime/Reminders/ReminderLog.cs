using Microsoft.Extensions.Logging;

namespace Meridian.Runtime.Reminders;

/// <summary>The reminder service's log events, source-generated so that a disabled level costs nothing.</summary>
internal sealed partial class ReminderLog(ILogger logger)
{
    [LoggerMessage(101, LogLevel.Information, "Loaded {Count} reminders")]
    public partial void Loaded(int count);

    [LoggerMessage(102, LogLevel.Warning,
        "Reminder {ReminderName} of {GrainId} is not scheduled: this silo has no grain class of type '{GrainType}' (its row stays in the table)")]
    public partial void UnknownGrainType(string reminderName, GrainId grainId, string grainType);

    [LoggerMessage(103, LogLevel.Warning, "Reminder {ReminderName} of {GrainId}: ReceiveReminder failed for the tick due at {TickTime:O}; the reminder keeps its schedule")]
    public partial void TickFailed(string reminderName, GrainId grainId, DateTimeOffset tickTime, Exception exception);

    [LoggerMessage(104, LogLevel.Warning, "Reminder {ReminderName} of {GrainId}: the tick due at {TickTime:O} could not be delivered; the reminder keeps its schedule")]
    public partial void TickNotDelivered(string reminderName, GrainId grainId, DateTimeOffset tickTime, Exception exception);

    [LoggerMessage(105, LogLevel.Error,
        "Reminder {ReminderName} of {GrainId}: the tick due at {TickTime:O} ran but could not be recorded, so it may be delivered again after a restart")]
    public partial void TickNotRecorded(string reminderName, GrainId grainId, DateTimeOffset tickTime, Exception exception);
}

namespace Meridian.Runtime.Hosting;

/// <summary>Durable reminders (Orleans' ReminderOptions).</summary>
public sealed class ReminderOptions
{
    /// <summary>
    /// The shortest period a reminder may have. Default 1 minute, as Orleans: every tick is a database write, so
    /// reminders are for infrequent durable events; a grain timer serves faster ones. Must be more than zero.
    /// </summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}

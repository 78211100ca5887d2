namespace Meridian.Runtime.Reminders;

/// <summary>
/// When a reminder's ticks are due: <see cref="Start"/> + k × <see cref="Period"/>, k = 0, 1, 2, ... Times are kept
/// to the microsecond, the precision PostgreSQL stores, so that every table gives the same schedule back.
/// </summary>
internal readonly record struct ReminderSchedule(DateTimeOffset Start, TimeSpan Period)
{
    /// <summary>
    /// The schedule of a reminder registered at <paramref name="now"/>. Start and period are rounded up to the
    /// microsecond: a tick is never early, and a period is never shorter than asked (nor zero).
    /// </summary>
    public static ReminderSchedule FromRegistration(DateTimeOffset now, TimeSpan dueTime, TimeSpan period) =>
        new(new DateTimeOffset(ToWholeMicroseconds((now + dueTime).UtcTicks), TimeSpan.Zero), TimeSpan.FromTicks(ToWholeMicroseconds(period.Ticks)));

    private static long ToWholeMicroseconds(long ticks) =>
        ticks + ((TimeSpan.TicksPerMicrosecond - (ticks % TimeSpan.TicksPerMicrosecond)) % TimeSpan.TicksPerMicrosecond);

    /// <summary>
    /// The tick to deliver next, given the last one delivered (null: none yet), and how long until it is due. When
    /// one or more ticks fell due undelivered (the silo was down, or the previous tick ran long), the latest of them
    /// is due now, once; the ones before it are not delivered. After it the schedule goes on as registered.
    /// </summary>
    public (DateTimeOffset Tick, TimeSpan DueIn) Next(DateTimeOffset? lastTick, DateTimeOffset now)
    {
        var firstUndelivered = lastTick is { } last ? last + Period : Start;
        if (firstUndelivered > now)
            return (firstUndelivered, firstUndelivered - now);
        var periodsSinceStart = (now - Start).Ticks / Period.Ticks;
        return (Start + TimeSpan.FromTicks(Period.Ticks * periodsSinceStart), TimeSpan.Zero);
    }
}

using Meridian.Runtime.Reminders;

namespace Meridian.Runtime.Tests.Reminders;

/// <summary>Which tick comes next, worked out from the definition: ticks are due at start + k × period.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReminderSchedule Schedule = new(T0 + Minutes(5), Minutes(10));

    [Fact]
    public void Before_the_start_the_first_tick_is_next()
    {
        Assert.Equal((T0 + Minutes(5), Minutes(3)), Schedule.Next(lastTick: null, now: T0 + Minutes(2)));
    }

    [Fact]
    public void After_a_delivered_tick_the_following_one_is_next()
    {
        Assert.Equal((T0 + Minutes(25), Minutes(4)), Schedule.Next(lastTick: T0 + Minutes(15), now: T0 + Minutes(21)));
    }

    [Fact]
    public void When_ticks_were_missed_the_latest_of_them_is_due_now()
    {
        // Delivered 5; missed 15, 25, 35; now 38.
        Assert.Equal((T0 + Minutes(35), TimeSpan.Zero), Schedule.Next(lastTick: T0 + Minutes(5), now: T0 + Minutes(38)));
    }

    [Fact]
    public void A_tick_due_exactly_now_is_due_now()
    {
        Assert.Equal((T0 + Minutes(15), TimeSpan.Zero), Schedule.Next(lastTick: T0 + Minutes(5), now: T0 + Minutes(15)));
    }

    [Fact]
    public void A_registration_rounds_its_start_and_period_up_to_the_microsecond()
    {
        // 1 microsecond = 10 ticks of 100 ns.
        var schedule = ReminderSchedule.FromRegistration(T0 + TimeSpan.FromTicks(1), Minutes(1), Minutes(2) + TimeSpan.FromTicks(9));

        Assert.Equal(new ReminderSchedule(T0 + Minutes(1) + TimeSpan.FromTicks(10), Minutes(2) + TimeSpan.FromTicks(10)), schedule);
    }

    [Fact]
    public void A_registration_on_whole_microseconds_is_kept_as_it_is()
    {
        var schedule = ReminderSchedule.FromRegistration(T0, Minutes(1), Minutes(2));

        Assert.Equal(new ReminderSchedule(T0 + Minutes(1), Minutes(2)), schedule);
    }

    private static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);
}

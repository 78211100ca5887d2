namespace Meridian.Grains.MarketData.Calendar;

/// <summary>
/// Wall-clock time in New York (US Eastern), by the US daylight-saving rules written out here rather than read from
/// the machine's time-zone database, so every machine, with or without tzdata, gives the same answer. Standard time
/// is UTC-5, daylight time UTC-4, changing at 02:00 local time:
/// from 2007, second Sunday of March to first Sunday of November; 1987-2006, first Sunday of April to last Sunday of
/// October; 1967-1986, last Sunday of April to last Sunday of October, except the energy-crisis years 1974 (from
/// 6 January) and 1975 (from 23 February). Before the Uniform Time Act (1967) daylight time was a local matter: those
/// years are read as standard time all year. A future change of the law (permanent daylight time) needs a rule here.
/// </summary>
public static class NewYorkTime
{
    private static readonly TimeSpan s_standard = TimeSpan.FromHours(-5);
    private static readonly TimeSpan s_daylight = TimeSpan.FromHours(-4);
    private static readonly TimeSpan s_changeover = TimeSpan.FromHours(2);

    /// <summary>The instant, in UTC, when the New York clock shows <paramref name="time"/> on <paramref name="date"/>.
    /// In the repeated hour of November the first (daylight) reading is taken; a reading in the skipped hour of March is taken as daylight time.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        var (start, end) = DaylightPeriod(date.Year);
        var offset = local >= start && local < end ? s_daylight : s_standard;
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The New York wall-clock reading at <paramref name="instant"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var (start, end) = DaylightPeriod(utc.Year);
        // The period's bounds are local readings; in UTC daylight time starts at 02:00 EST and ends at 02:00 EDT.
        var daylight = utc >= start - s_standard && utc < end - s_daylight;
        return DateTime.SpecifyKind(utc + (daylight ? s_daylight : s_standard), DateTimeKind.Unspecified);
    }

    /// <summary>The New York calendar date at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>Local readings at which daylight time starts and ends in <paramref name="year"/> (an empty period before 1967).</summary>
    private static (DateTime Start, DateTime End) DaylightPeriod(int year)
    {
        var (start, end) = year switch
        {
            >= 2007 => (DayRule.Nth(year, 3, DayOfWeek.Sunday, 2), DayRule.Nth(year, 11, DayOfWeek.Sunday, 1)),
            >= 1987 => (DayRule.Nth(year, 4, DayOfWeek.Sunday, 1), DayRule.Last(year, 10, DayOfWeek.Sunday)),
            1975 => (new DateOnly(1975, 2, 23), DayRule.Last(year, 10, DayOfWeek.Sunday)),
            1974 => (new DateOnly(1974, 1, 6), DayRule.Last(year, 10, DayOfWeek.Sunday)),
            >= 1967 => (DayRule.Last(year, 4, DayOfWeek.Sunday), DayRule.Last(year, 10, DayOfWeek.Sunday)),
            _ => (new DateOnly(year, 1, 1), new DateOnly(year, 1, 1)),
        };
        return (start.ToDateTime(TimeOnly.MinValue) + s_changeover, end.ToDateTime(TimeOnly.MinValue) + s_changeover);
    }
}

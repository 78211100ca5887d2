namespace Meridian.Grains.MarketData.Calendar;

/// <summary>
/// Wall-clock time in New York (US Eastern), by the US daylight-saving rules written out here rather than read from
/// the machine's time-zone database, so every machine, with or without tzdata, gives the same answer:
/// from 2007, daylight time (UTC-4) runs from 02:00 on the second Sunday of March to 02:00 on the first Sunday of
/// November; from 1987 to 2006, from the first Sunday of April to the last Sunday of October. Standard time is UTC-5.
/// Years before 1987 are refused. A future change of the law (permanent daylight time) would need a new rule here.
/// </summary>
public static class NewYorkTime
{
    /// <summary>The first year whose rule is written here.</summary>
    public const int FirstSupportedYear = 1987;

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

    /// <summary>Local readings at which daylight time starts and ends in <paramref name="year"/>.</summary>
    private static (DateTime Start, DateTime End) DaylightPeriod(int year)
    {
        if (year < FirstSupportedYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"New York time is modelled from {FirstSupportedYear} on; {year} is earlier");
        return year >= 2007
            ? (NthSunday(year, 3, 2).ToDateTime(TimeOnly.MinValue) + s_changeover, NthSunday(year, 11, 1).ToDateTime(TimeOnly.MinValue) + s_changeover)
            : (NthSunday(year, 4, 1).ToDateTime(TimeOnly.MinValue) + s_changeover, LastSunday(year, 10).ToDateTime(TimeOnly.MinValue) + s_changeover);
    }

    private static DateOnly NthSunday(int year, int month, int n) => DayRule.Nth(year, month, DayOfWeek.Sunday, n);

    private static DateOnly LastSunday(int year, int month) => DayRule.Last(year, month, DayOfWeek.Sunday);
}

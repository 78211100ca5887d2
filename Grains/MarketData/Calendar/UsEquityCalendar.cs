namespace Meridian.Grains.MarketData.Calendar;

/// <summary>
/// The NYSE/Nasdaq calendar by rule: weekends and the ten full-day holidays closed every year (see <see cref="Holidays"/>),
/// with the regular session 09:30-16:00 New York time.
/// <para>Not modelled, by design, because no rule predicts them: one-off closures (2001-09-11 to 14, Hurricane Sandy
/// 2012-10-29 and 30, the national days of mourning 1994-04-27, 2004-06-11, 2007-01-02, 2018-12-05 and 2025-01-09) and
/// early closes at 13:00 (the day before Independence Day, the day after Thanksgiving, Christmas Eve): such a day counts
/// as a full session here. Dates before 1990 are refused: the holiday rules differed then.</para>
/// </summary>
public static class UsEquityCalendar
{
    /// <summary>The first date the rules here describe.</summary>
    public static DateOnly FirstSupportedDate { get; } = new(1990, 1, 1);

    /// <summary>When the regular session opens, New York time.</summary>
    public static TimeOnly SessionOpenTime { get; } = new(9, 30);

    /// <summary>When the regular session closes, New York time.</summary>
    public static TimeOnly SessionCloseTime { get; } = new(16, 0);

    /// <summary>
    /// The full-day closures of <paramref name="year"/>, in date order. A holiday falling on a Saturday is observed the
    /// Friday before and one falling on a Sunday the Monday after, except New Year's Day on a Saturday, which is not
    /// observed at all (the NYSE keeps the last day of the year open). Martin Luther King Jr. Day counts from 1998
    /// and Juneteenth from 2022, when the NYSE first closed for them.
    /// </summary>
    public static IReadOnlyList<MarketHoliday> Holidays(int year)
    {
        if (year < FirstSupportedDate.Year)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"the US equity calendar is modelled from {FirstSupportedDate:yyyy-MM-dd} on; {year} is earlier");
        var holidays = new List<MarketHoliday>(10);
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek != DayOfWeek.Saturday)
            holidays.Add(new(Observed(newYear), "New Year's Day"));
        if (year >= 1998)
            holidays.Add(new(DayRule.Nth(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day"));
        holidays.Add(new(DayRule.Nth(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday"));
        holidays.Add(new(DayRule.EasterSunday(year).AddDays(-2), "Good Friday"));
        holidays.Add(new(DayRule.Last(year, 5, DayOfWeek.Monday), "Memorial Day"));
        if (year >= 2022)
            holidays.Add(new(Observed(new DateOnly(year, 6, 19)), "Juneteenth National Independence Day"));
        holidays.Add(new(Observed(new DateOnly(year, 7, 4)), "Independence Day"));
        holidays.Add(new(DayRule.Nth(year, 9, DayOfWeek.Monday, 1), "Labor Day"));
        holidays.Add(new(DayRule.Nth(year, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day"));
        holidays.Add(new(Observed(new DateOnly(year, 12, 25)), "Christmas Day"));
        return holidays;
    }

    /// <summary>The holiday observed on <paramref name="date"/>, or null when there is none.</summary>
    public static MarketHoliday? HolidayOn(DateOnly date)
    {
        foreach (var holiday in Holidays(date.Year))
        {
            if (holiday.Date == date)
                return holiday;
        }
        return null;
    }

    /// <summary>True when the exchange holds a session on <paramref name="date"/>: a weekday that is not a holiday.</summary>
    public static bool IsTradingDay(DateOnly date)
    {
        EnsureSupported(date);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayOn(date) is null;
    }

    /// <summary>The trading days from <paramref name="first"/> to <paramref name="last"/>, both included, in order
    /// (empty when <paramref name="last"/> is before <paramref name="first"/>).</summary>
    public static IReadOnlyList<DateOnly> TradingDays(DateOnly first, DateOnly last)
    {
        EnsureSupported(first);
        var days = new List<DateOnly>();
        if (last < first)
            return days;
        var holidays = new HashSet<DateOnly>();
        for (var year = first.Year; year <= last.Year; year++)
        {
            foreach (var holiday in Holidays(year))
                holidays.Add(holiday.Date);
        }
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day))
                days.Add(day);
        }
        return days;
    }

    /// <summary>The first trading day after <paramref name="date"/>.</summary>
    public static DateOnly NextTradingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsTradingDay(day))
            day = day.AddDays(1);
        return day;
    }

    /// <summary>The last trading day before <paramref name="date"/>; throws when that would be before <see cref="FirstSupportedDate"/>.</summary>
    public static DateOnly PreviousTradingDay(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (!IsTradingDay(day))
            day = day.AddDays(-1);
        return day;
    }

    /// <summary>When the regular session of trading day <paramref name="date"/> opens (09:30 New York), in UTC.</summary>
    public static DateTimeOffset SessionOpen(DateOnly date) => NewYorkTime.ToUtc(EnsureTradingDay(date), SessionOpenTime);

    /// <summary>When the regular session of trading day <paramref name="date"/> closes (16:00 New York), in UTC; early closes are not modelled.</summary>
    public static DateTimeOffset SessionClose(DateOnly date) => NewYorkTime.ToUtc(EnsureTradingDay(date), SessionCloseTime);

    /// <summary>
    /// When the daily bar of <paramref name="date"/> opens: 00:00 New York time, in UTC (Alpaca's stamp for daily bars,
    /// 05:00Z in winter, 04:00Z in summer). Defined for every date, trading day or not.
    /// </summary>
    public static DateTimeOffset DailyBarTime(DateOnly date) => NewYorkTime.ToUtc(date, TimeOnly.MinValue);

    private static DateOnly EnsureSupported(DateOnly date) =>
        date < FirstSupportedDate
            ? throw new ArgumentOutOfRangeException(nameof(date), date, $"the US equity calendar is modelled from {FirstSupportedDate:yyyy-MM-dd} on; {date:yyyy-MM-dd} is earlier")
            : date;

    private static DateOnly EnsureTradingDay(DateOnly date) =>
        IsTradingDay(date)
            ? date
            : throw new ArgumentException(
                $"{date:yyyy-MM-dd} is not a trading day ({HolidayOn(date)?.Name ?? date.DayOfWeek.ToString()}): it has no session", nameof(date));

    private static DateOnly Observed(DateOnly holiday) => holiday.DayOfWeek switch
    {
        DayOfWeek.Saturday => holiday.AddDays(-1),
        DayOfWeek.Sunday => holiday.AddDays(1),
        _ => holiday,
    };
}

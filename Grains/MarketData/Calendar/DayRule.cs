namespace Meridian.Grains.MarketData.Calendar;

/// <summary>Dates defined by a rule ("the third Monday of January"), as holidays and daylight time are.</summary>
internal static class DayRule
{
    /// <summary>The <paramref name="n"/>th <paramref name="day"/> of the month (n from 1).</summary>
    public static DateOnly Nth(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var toFirst = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toFirst + (7 * (n - 1)));
    }

    /// <summary>The last <paramref name="day"/> of the month.</summary>
    public static DateOnly Last(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }

    /// <summary>
    /// Easter Sunday of the Gregorian calendar, by the anonymous Gregorian computus (Meeus/Jones/Butcher):
    /// the first Sunday after the ecclesiastical full moon on or after 21 March.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        var golden = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCorrection = century / 4;
        var centuryRemainder = century % 4;
        var moonCorrection = (century + 8) / 25;
        var solarLunar = (century - moonCorrection + 1) / 3;
        var epact = ((19 * golden) + century - leapCorrection - solarLunar + 15) % 30;
        var quarter = yearOfCentury / 4;
        var quarterRemainder = yearOfCentury % 4;
        var toSunday = (32 + (2 * centuryRemainder) + (2 * quarter) - epact - quarterRemainder) % 7;
        var correction = (golden + (11 * epact) + (22 * toSunday)) / 451;
        var monthDay = epact + toSunday - (7 * correction) + 114;
        return new DateOnly(year, monthDay / 31, (monthDay % 31) + 1);
    }
}

using Meridian.Grains.MarketData;

namespace Meridian.Grains.Exchange;

/// <summary>
/// The session calendar of intraday bars: a session is a weekday (Monday to Friday, local date) ending at the close
/// time in the rules' time zone. An instant at or after a day's close, or on a weekend, belongs to the next weekday's
/// session. There is no holiday calendar.
/// </summary>
internal sealed class ExchangeSessions(TimeOnly close, TimeZoneInfo zone)
{
    /// <summary>A bar of a day or longer is a session of its own.</summary>
    public static bool IsDaily(Bar bar) => bar.Period >= TimeSpan.FromDays(1);

    /// <summary>The local date of the session <paramref name="instant"/> belongs to.</summary>
    public DateOnly SessionDate(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= close)
            date = date.AddDays(1);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            date = date.AddDays(1);
        return date;
    }

    /// <summary>When the session that <paramref name="instant"/> belongs to closes.</summary>
    public DateTimeOffset CloseOfSession(DateTimeOffset instant)
    {
        var local = SessionDate(instant).ToDateTime(close);
        // GetUtcOffset never throws: a close inside a daylight-saving gap or overlap takes the standard offset.
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

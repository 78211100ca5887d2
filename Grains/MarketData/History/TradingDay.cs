using Meridian.Grains.MarketData.Calendar;

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// The calendar dates bars and corporate actions are keyed by: dates in New York, where US equities trade. A daily bar
/// of date D is stamped at 00:00 New York time of D, in UTC (Alpaca's convention: 2024-01-03T05:00:00Z), and an
/// ex-date E takes effect from that same instant on.
/// </summary>
public static class TradingDay
{
    /// <summary>America/New_York.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>00:00 New York time of <paramref name="date"/>, in UTC (midnight is never in New York's daylight-saving gap).</summary>
    public static DateTimeOffset Start(DateOnly date) => NewYorkTime.ToUtc(date, TimeOnly.MinValue);

    /// <summary>The New York date of <paramref name="instant"/>.</summary>
    public static DateOnly Of(DateTimeOffset instant) => NewYorkTime.DateOf(instant);
}

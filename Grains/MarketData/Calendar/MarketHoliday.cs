namespace Meridian.Grains.MarketData.Calendar;

/// <summary>A weekday on which the exchange is closed all day: <paramref name="Date"/> is the day observed, which
/// differs from the holiday's own date when that falls on a weekend.</summary>
public sealed record MarketHoliday(DateOnly Date, string Name);

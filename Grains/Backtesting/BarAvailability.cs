using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData;

namespace Meridian.Grains.Backtesting;

/// <summary>
/// When a bar is known, and so when a strategy may act on it: an intraday bar at its end; a daily bar at its
/// session's close (16:00 New York by default) on the date it opens, since a daily bar stamped at midnight is
/// complete at the close, not at the next midnight. Orders placed then first trade in the next bar.
/// </summary>
internal sealed class BarAvailability(ExchangeRules rules)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(rules.SessionTimeZone);

    public DateTimeOffset KnownAt(Bar bar)
    {
        if (bar.Period < TimeSpan.FromDays(1))
            return bar.End;
        var local = TimeZoneInfo.ConvertTime(bar.Time, _zone);
        var close = DateOnly.FromDateTime(local.DateTime).ToDateTime(rules.SessionClose);
        var known = new DateTimeOffset(close, _zone.GetUtcOffset(close)).ToUniversalTime();
        // A daily bar stamped after its session's close (another convention) is known at its end.
        return known > bar.Time && known <= bar.End ? known : bar.End;
    }
}

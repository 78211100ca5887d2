using System.Globalization;

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// Bar lengths the store keeps, and their short names: 1m to 59m, 1h to 23h, and 1d. The short name is also the bar
/// file's name in the store (1d.bars, 5m.bars).
/// </summary>
public static class BarPeriod
{
    public static TimeSpan Day { get; } = TimeSpan.FromDays(1);

    /// <summary>What a period should look like, for error messages.</summary>
    public const string Expected = "expected 1d, 1h to 23h, or 1m to 59m";

    /// <summary>Reads "1d", "4h", "5m"; false for anything else.</summary>
    public static bool TryParse(string? text, out TimeSpan period)
    {
        period = default;
        if (text is not { Length: >= 2 } || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return false;
        (period, var limit) = text[^1] switch
        {
            'd' => (TimeSpan.FromDays(count), 1),
            'h' => (TimeSpan.FromHours(count), 23),
            'm' => (TimeSpan.FromMinutes(count), 59),
            _ => (default, 0),
        };
        return count >= 1 && count <= limit;
    }

    /// <summary>The short name of a period the store keeps; throws for any other length.</summary>
    public static string Name(TimeSpan period) =>
        TryName(period, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(period), period, $"a bar of {period} is not kept by the store; {Expected}");

    /// <summary>The short name of <paramref name="period"/>; false when the store does not keep bars that long.</summary>
    public static bool TryName(TimeSpan period, out string name)
    {
        var ticks = period.Ticks;
        name = period == Day ? "1d"
            : ticks > 0 && period < Day && ticks % TimeSpan.TicksPerHour == 0 ? $"{ticks / TimeSpan.TicksPerHour}h"
            : ticks > 0 && period < TimeSpan.FromHours(1) && ticks % TimeSpan.TicksPerMinute == 0 ? $"{ticks / TimeSpan.TicksPerMinute}m"
            : "";
        return name.Length > 0;
    }

    /// <summary>
    /// The period of bars at <paramref name="times"/> (any order): the smallest positive spacing between consecutive
    /// times, which missing bars cannot make smaller. A spacing of 23 to 25 hours is a day (New York's days are 23 and
    /// 25 hours long when daylight saving time starts and ends). Null, with <paramref name="error"/>, when it cannot tell.
    /// </summary>
    public static TimeSpan? Infer(IReadOnlyList<DateTimeOffset> times, out string? error)
    {
        ArgumentNullException.ThrowIfNull(times);
        var ticks = new long[times.Count];
        for (var i = 0; i < ticks.Length; i++)
            ticks[i] = times[i].UtcTicks;
        Array.Sort(ticks);
        var smallest = long.MaxValue;
        for (var i = 1; i < ticks.Length; i++)
        {
            var gap = ticks[i] - ticks[i - 1];
            if (gap > 0 && gap < smallest)
                smallest = gap;
        }
        error = null;
        if (smallest == long.MaxValue)
        {
            error = "cannot tell the bar period from fewer than two distinct times; give it (" + Expected + ")";
            return null;
        }
        var spacing = TimeSpan.FromTicks(smallest);
        if (spacing >= TimeSpan.FromHours(23) && spacing <= TimeSpan.FromHours(25))
            return Day;
        if (spacing < Day && TryName(spacing, out _))
            return spacing;
        error = $"the closest bars are {spacing} apart, which is not a period the store keeps; give the period ({Expected})";
        return null;
    }
}

using System.Globalization;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// How a file writes bar times, and the time zone of times written without an offset. A time with an offset (Z,
/// +02:00, -0500) is that instant; a time without one is a local time in <see cref="Zone"/>; a date alone is 00:00 of
/// that date in <see cref="Zone"/> (with the default zone, America/New_York, that is the daily-bar convention).
/// Every time comes out in UTC.
/// </summary>
public sealed class TimestampFormat
{
    // ISO 8601's extended forms, without the offset (read separately so its presence is known).
    private static readonly string[] s_isoLocalForms =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private TimestampFormat(string? exactFormat, TimeZoneInfo zone)
    {
        ExactFormat = exactFormat;
        Zone = zone;
    }

    /// <summary>ISO 8601 (2024-01-03, 2024-01-03T09:30:00, 2024-01-03T14:30:00Z, 2024-01-03T09:30:00-05:00), local times in New York.</summary>
    public static TimestampFormat Iso8601 { get; } = new(null, TradingDay.Zone);

    /// <summary>
    /// A .NET custom date format (such as "MM/dd/yyyy HH:mm"), or ISO 8601 when <paramref name="exactFormat"/> is null;
    /// a format with 'z' (zzz) reads the offset from the text, any other is a local time in <paramref name="zone"/>.
    /// </summary>
    public static TimestampFormat Create(string? exactFormat, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (exactFormat is { Length: 0 })
            throw new ArgumentException("a time format must not be empty; leave it out for ISO 8601", nameof(exactFormat));
        return new(exactFormat, zone);
    }

    /// <summary>The custom format, or null for ISO 8601.</summary>
    public string? ExactFormat { get; }

    /// <summary>The zone of local times.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>What a time should look like, for error messages.</summary>
    public string Expected => ExactFormat is null
        ? "expected ISO 8601 like 2024-01-03, 2024-01-03T09:30:00 or 2024-01-03T14:30:00Z"
        : $"expected the format '{ExactFormat}'";

    /// <summary>Reads <paramref name="text"/> as a UTC instant; on failure <paramref name="error"/> says why.</summary>
    public bool TryParse(string text, out DateTimeOffset utc, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        utc = default;
        error = $"'{text}' is not a time; {Expected}";
        text = text.Trim();
        if (ExactFormat is not null)
        {
            if (ExactFormat.Contains('z', StringComparison.Ordinal))
            {
                if (!DateTimeOffset.TryParseExact(text, ExactFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                    return false;
                utc = instant.ToUniversalTime();
                return true;
            }
            return DateTime.TryParseExact(text, ExactFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exactLocal)
                && TryFromLocal(text, exactLocal, out utc, ref error);
        }

        var body = SplitOffset(text, out var offset);
        if (!DateTime.TryParseExact(body, s_isoLocalForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        if (offset is null)
            return TryFromLocal(text, local, out utc, ref error);
        if (offset.Value.Duration() > TimeSpan.FromHours(14))
        {
            error = $"'{text}' has an offset beyond ±14:00";
            return false;
        }
        utc = new DateTimeOffset(local, offset.Value).ToUniversalTime();
        return true;
    }

    private bool TryFromLocal(string text, DateTime local, out DateTimeOffset utc, ref string error)
    {
        utc = default;
        if (Zone.IsInvalidTime(local))
        {
            error = $"'{text}' does not exist in {Zone.Id}: the clocks skip it when daylight saving time starts";
            return false;
        }
        // An ambiguous time (the hour repeated when daylight saving ends) takes the zone's standard offset.
        utc = new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    /// <summary>The text without a trailing offset (Z, ±HH:MM, ±HHMM) after the time; the offset when there is one.</summary>
    private static string SplitOffset(string text, out TimeSpan? offset)
    {
        offset = null;
        // An offset can only follow a time, and the time starts after "yyyy-MM-dd" and its separator.
        if (text.Length <= 11 || text[10] is not ('T' or ' '))
            return text;
        if (text[^1] is 'Z' or 'z')
        {
            offset = TimeSpan.Zero;
            return text[..^1];
        }
        var colon = text[^3] == ':';
        var length = colon ? 6 : 5;
        var sign = text[^length];
        if (sign is not ('+' or '-') || text.Length - length <= 11)
            return text;
        var digits = colon ? string.Concat(text.AsSpan(text.Length - 5, 2), text.AsSpan(text.Length - 2, 2)) : text[^4..];
        if (digits.Length != 4 || !digits.All(char.IsAsciiDigit))
            return text;
        var span = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
        offset = sign == '-' ? -span : span;
        return text[..^length];
    }
}

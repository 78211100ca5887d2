using System.Globalization;
using System.Text.RegularExpressions;

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>
/// Alpaca's timestamps: RFC-3339 in UTC with nanosecond precision (<c>2022-04-19T17:45:05.024916716Z</c>).
/// The fake keeps time as Unix-epoch nanoseconds; every stamp it hands out is strictly later than the previous one
/// and has non-zero digits below the 100 ns tick, so a client that parses into <see cref="DateTimeOffset"/> must
/// drop the last two digits, and one that keeps only 7 digits sees an earlier instant than the server's.
/// </summary>
internal static partial class FakeTime
{
    private const long NanosPerSecond = 1_000_000_000;
    private static readonly Lock s_lock = new();
    private static long s_last;

    /// <summary>Now, as Unix nanoseconds, strictly increasing across the process.</summary>
    public static long NowNanos()
    {
        var nanos = ((DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100) + Random.Shared.Next(1, 100);
        lock (s_lock)
        {
            if (nanos <= s_last)
            {
                nanos = s_last + 1;
            }

            s_last = nanos;
            return nanos;
        }
    }

    /// <summary>RFC-3339, UTC, always nine fractional digits.</summary>
    public static string Format(long unixNanos)
    {
        var seconds = Math.DivRem(unixNanos, NanosPerSecond, out var fraction);
        var utc = DateTime.UnixEpoch.AddSeconds(seconds);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "."
            + fraction.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }

    /// <summary>The fraction of <paramref name="unixNanos"/> below the second, as nanoseconds.</summary>
    public static long SubSecondNanos(long unixNanos) => unixNanos % NanosPerSecond;

    /// <summary>
    /// Parses an RFC-3339 timestamp (up to nine fractional digits, <c>Z</c> or an offset) or a bare date
    /// (<c>YYYY-MM-DD</c>, taken as midnight UTC) into Unix nanoseconds.
    /// </summary>
    public static bool TryParse(string? text, out long unixNanos)
    {
        unixNanos = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var date = match.Groups["date"].Value;
        var time = match.Groups["time"].Success ? match.Groups["time"].Value : "00:00:00";
        var zone = match.Groups["zone"].Success ? match.Groups["zone"].Value : "Z";
        if (zone is "z" or "Z")
        {
            zone = "+00:00";
        }

        if (!DateTimeOffset.TryParseExact(date + "T" + time + zone, "yyyy-MM-dd'T'HH:mm:sszzz",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var whole))
        {
            return false;
        }

        var fractionText = match.Groups["fraction"].Success ? match.Groups["fraction"].Value : "";
        var fraction = fractionText.Length == 0
            ? 0
            : long.Parse(fractionText.PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        unixNanos = ((whole.UtcTicks - DateTime.UnixEpoch.Ticks) * 100) + fraction;
        return true;
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[Tt ](?<time>\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))?(?<zone>[Zz]|[+-]\d{2}:\d{2}))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}

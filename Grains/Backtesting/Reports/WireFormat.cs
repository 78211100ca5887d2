using System.Globalization;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// How summary.json and the csv files write values for programs to read: the same text for the same value on every
/// machine and in every culture. Decimals keep their exact digits, ratios are doubles in shortest round-trip form,
/// times are ISO 8601 in UTC.
/// </summary>
internal static class WireFormat
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>An exact amount, price or quantity as its decimal digits, scale kept ("100000.00", "-12.5").</summary>
    public static string Decimal(decimal value) => value.ToString(s_invariant);

    /// <summary>
    /// A double in the shortest form that reads back to the same double ("0.01", "1E-05"), or null when it is not a
    /// finite number: JSON has no NaN or infinity, and a figure that overflowed is not a figure.
    /// </summary>
    public static string? Ratio(double value) => double.IsFinite(value) ? value.ToString("R", s_invariant) : null;

    /// <summary>ISO 8601 in UTC with a Z, fractional seconds only when there are any: "2026-01-05T21:00:00Z".</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", s_invariant);

    /// <summary>
    /// A duration as days, then hours, minutes and seconds: "d.hh:mm:ss" ("2.04:00:00" is 52 hours), with seven
    /// fractional digits appended only when the duration is not a whole number of seconds. TimeSpan.ParseExact with
    /// the "c" format reads it back.
    /// </summary>
    public static string Duration(TimeSpan duration)
    {
        var whole = duration.ToString(@"d\.hh\:mm\:ss", s_invariant);
        return duration.Ticks % TimeSpan.TicksPerSecond == 0 ? whole : whole + duration.ToString(@"\.fffffff", s_invariant);
    }

    /// <summary>A count.</summary>
    public static string Integer(long value) => value.ToString(s_invariant);
}

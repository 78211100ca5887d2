using System.Globalization;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// How report.html writes values for a person: thousands separators, two decimals for money, percentages, dates
/// without seconds. Always the invariant culture, so the page is the same on every machine. A missing figure is an
/// em dash. The text is plain (not yet HTML-encoded).
/// </summary>
internal static class DisplayFormat
{
    /// <summary>Shown for a figure the statistics leave undefined.</summary>
    public const string Missing = "\u2014";

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>An amount of money: "101,000.00", "-1,010.50".</summary>
    public static string Money(decimal value) => WithoutNegativeZero(value.ToString("N2", s_invariant));

    /// <summary>An amount computed as a double (average win, average loss).</summary>
    public static string Money(double? value) => value is { } v && double.IsFinite(v) ? WithoutNegativeZero(v.ToString("N2", s_invariant)) : Missing;

    /// <summary>A price with at least two decimals and every further significant one: "100.00", "123.4567".</summary>
    public static string Price(decimal value) => value.ToString("#,0.00#######", s_invariant);

    /// <summary>A quantity with only its significant decimals: "100", "0.125"; a signed position keeps its sign.</summary>
    public static string Quantity(decimal value) => value.ToString("#,0.#########", s_invariant);

    /// <summary>A fraction as a percentage with two decimals: 0.0123 is "1.23%"; with <paramref name="signed"/>, "+1.23%".</summary>
    public static string Percent(double? fraction, bool signed = false)
    {
        if (fraction is not { } f || !double.IsFinite(f))
            return Missing;
        var text = WithoutNegativeZero((f * 100).ToString("N2", s_invariant));
        return (signed && f > 0 && text != "0.00" ? "+" : "") + text + "%";
    }

    /// <summary>A decimal fraction as <see cref="Percent(double?, bool)"/> does.</summary>
    public static string Percent(decimal? fraction, bool signed = false) => Percent(fraction is { } f ? (double)f : null, signed);

    /// <summary>A ratio such as Sharpe or profit factor, two decimals.</summary>
    public static string Ratio(double? value) => value is { } v && double.IsFinite(v) ? WithoutNegativeZero(v.ToString("N2", s_invariant)) : Missing;

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", s_invariant);

    /// <summary>A UTC date: "2026-01-31".</summary>
    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'-'MM'-'dd", s_invariant);

    /// <summary>A UTC time to the minute: "2026-01-31 21:00".</summary>
    public static string DateTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'-'MM'-'dd' 'HH':'mm", s_invariant);

    /// <summary>A duration in days and hours, or hours and minutes when under a day: "52 d 4 h", "3 h 30 min".</summary>
    public static string Duration(TimeSpan duration) =>
        duration >= TimeSpan.FromDays(1)
            ? string.Create(s_invariant, $"{(long)duration.TotalDays:N0} d {duration.Hours} h")
            : string.Create(s_invariant, $"{duration.Hours} h {duration.Minutes} min");

    /// <summary>
    /// Drops the minus of a number that rounded to zero ("-0.00" from -0.001 or from a negative zero): a loss too
    /// small to show is shown as no loss, not as a negative nothing.
    /// </summary>
    public static string WithoutNegativeZero(string formatted) =>
        formatted.StartsWith('-') && !formatted.AsSpan(1).ContainsAnyInRange('1', '9') ? formatted[1..] : formatted;

    /// <summary>"The last 500 of 501 trades are listed; 1 earlier trade is not (trades.csv has all of them)."</summary>
    public static string CappedListNote(int shown, int total, string noun, string whereAll)
    {
        var left = total - shown;
        return $"The last {Count(shown)} of {Count(total)} {noun}s are listed; {Count(left)} earlier {noun}{(left == 1 ? " is" : "s are")} not ({whereAll}).";
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>
/// A bar timeframe of Alpaca's bars endpoint that the platform's bar store keeps: <c>[1-59]Min</c>, <c>[1-23]Hour</c>
/// or <c>1Day</c>. <see cref="Text"/> is what is sent (<c>5Min</c>, <c>1Hour</c>, <c>1Day</c>); <see cref="Period"/>
/// is the bar's length in the store. Weeks and months exist at Alpaca but the store keeps no bars that long.
/// </summary>
public readonly record struct AlpacaTimeframe
{
    /// <summary>What a timeframe should look like, for error messages.</summary>
    public const string Expected = "expected 1Min to 59Min (or 1T to 59T), 1Hour to 23Hour (or 1H to 23H), or 1Day (1D); the store's 5m, 1h, 1d work too";

    private readonly string? _text;
    private readonly TimeSpan _period;

    private AlpacaTimeframe(string text, TimeSpan period)
    {
        _text = text;
        _period = period;
    }

    /// <summary>Daily bars (also the default value).</summary>
    public static AlpacaTimeframe Day => default;

    /// <summary>The timeframe as Alpaca's <c>timeframe</c> parameter (default: <c>1Day</c>).</summary>
    public string Text => _text ?? "1Day";

    /// <summary>The bar's length (default: a day).</summary>
    public TimeSpan Period => _text is null ? TimeSpan.FromDays(1) : _period;

    /// <summary>Bars of <paramref name="minutes"/> minutes (1 to 59).</summary>
    public static AlpacaTimeframe Minutes(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, 59);
        return new(string.Create(CultureInfo.InvariantCulture, $"{minutes}Min"), TimeSpan.FromMinutes(minutes));
    }

    /// <summary>Bars of <paramref name="hours"/> hours (1 to 23).</summary>
    public static AlpacaTimeframe Hours(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, 23);
        return new(string.Create(CultureInfo.InvariantCulture, $"{hours}Hour"), TimeSpan.FromHours(hours));
    }

    /// <summary>
    /// Reads Alpaca's forms (<c>5Min</c>, <c>5T</c>, <c>1Hour</c>, <c>1H</c>, <c>1Day</c>, <c>1D</c>; case as Alpaca
    /// writes them, since <c>1M</c> is a month there) and the store's short names (<c>5m</c>, <c>1h</c>, <c>1d</c>).
    /// </summary>
    public static bool TryParse(string? text, out AlpacaTimeframe timeframe, [NotNullWhen(false)] out string? error)
    {
        timeframe = default;
        var digits = 0;
        while (text is not null && digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        if (text is null || digits == 0 || digits > 2 || digits == text.Length
            || !int.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            error = $"timeframe '{text}' is not one; {Expected}";
            return false;
        }
        var unit = text[digits..];
        switch (unit)
        {
            case "Min" or "T" or "m" when count <= 59:
                timeframe = Minutes(count);
                break;
            case "Hour" or "H" or "h" when count <= 23:
                timeframe = Hours(count);
                break;
            case "Day" or "D" or "d" when count == 1:
                timeframe = Day;
                break;
            case "Week" or "W" or "Month" or "M":
                error = $"timeframe '{text}': the bar store keeps no bars longer than a day; {Expected}";
                return false;
            default:
                error = $"timeframe '{text}' is not one; {Expected}";
                return false;
        }
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

using System.Globalization;

namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// Reads a price or volume as an exact decimal. More than <see cref="MaxDecimals"/> decimal places can only be a
/// writer's floating-point noise (10.100000000000001): the value is rounded to 9 places, half away from zero.
/// A negative or zero value reads fine: whether it is a sane bar is the quality gate's call, not the parser's.
/// </summary>
internal static class SourceNumber
{
    /// <summary>As many decimal places as a price may have.</summary>
    public const int MaxDecimals = 9;

    /// <summary>What a number should look like, for error messages.</summary>
    public const string Expected = "expected a decimal like 12.50";

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return false;
        value = Round(value);
        return true;
    }

    /// <summary>Rounds to <see cref="MaxDecimals"/> places.</summary>
    public static decimal Round(decimal value) => decimal.Round(value, MaxDecimals, MidpointRounding.AwayFromZero);

    /// <summary>"'12,5x' is not a number; expected a decimal like 12.50".</summary>
    public static string NotANumber(string text) => $"'{text}' is not a number; {Expected}";
}

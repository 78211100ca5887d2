using System.Globalization;

namespace Meridian.Grains.Risk;

/// <summary>How risk messages write a decimal: invariant, without trailing zeros (100.00 x 1200 reads "120000"), never in exponent form.</summary>
internal static class Figures
{
    public static string Of(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}

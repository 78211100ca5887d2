namespace Meridian.Grains.MarketData.Synthetic;

/// <summary>
/// Natural exponential and logarithm from IEEE arithmetic alone, so the generator's output is the same bit for bit on
/// every machine: Math.Exp and Math.Log come from the platform's C library and may differ in the last bit between
/// operating systems, which rounding to cents can turn into a different price. Accurate to a few units in the last
/// place over the range the generator uses; not a replacement for Math in general.
/// </summary>
internal static class PortableMath
{
    private const double Ln2High = 0.693147180369123816490; // ln 2 with its low bits cleared, so k * Ln2High is exact
    private const double Ln2Low = 1.90821492927058770002e-10; // ln 2 - Ln2High
    private const double Ln2 = 0.69314718055994530942;
    private const double InverseLn2 = 1.44269504088896338700;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>e^x: x = k ln 2 + r with |r| &lt;= ln2 / 2, e^r by its Taylor series to r^14 / 14!, then scaled by 2^k.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x > 709.0)
            return double.PositiveInfinity;
        if (x < -745.0)
            return 0.0;
        var k = Math.Round(x * InverseLn2);
        var r = (x - (k * Ln2High)) - (k * Ln2Low);
        var term = 1.0;
        var sum = 1.0;
        for (var n = 1; n <= 14; n++)
        {
            term *= r / n;
            sum += term;
        }
        return Math.ScaleB(sum, (int)k);
    }

    /// <summary>ln x for x &gt; 0: x = m 2^e with m in [sqrt(1/2), sqrt 2), ln m = 2 atanh(s) with s = (m - 1) / (m + 1),
    /// whose series in s^2 (at most 0.0295) converges to double precision within twelve terms.</summary>
    public static double Log(double x)
    {
        if (!(x > 0.0) || double.IsPositiveInfinity(x))
            return x == 0.0 ? double.NegativeInfinity : x > 0.0 ? x : double.NaN;
        var exponent = Math.ILogB(x);
        var mantissa = Math.ScaleB(x, -exponent);
        if (mantissa >= Sqrt2)
        {
            mantissa *= 0.5;
            exponent++;
        }
        var s = (mantissa - 1.0) / (mantissa + 1.0);
        var s2 = s * s;
        var power = s2;
        var series = 1.0;
        for (var n = 3; n <= 25; n += 2)
        {
            series += power / n;
            power *= s2;
        }
        return (exponent * Ln2) + (2.0 * s * series);
    }
}

namespace Meridian.Grains.MarketData.Synthetic;

/// <summary>
/// A seeded stream of random numbers that is the same on every machine and every .NET version (System.Random's
/// algorithm is not promised to stay): xoshiro256** (Blackman and Vigna) for 64-bit words, its state filled by
/// SplitMix64, and standard normals by Marsaglia's polar form of Box-Muller, which needs no sine or cosine.
/// Every floating-point step is an IEEE operation (+, -, *, /, sqrt) or <see cref="PortableMath"/>, never the
/// platform's libm, so results agree to the last bit.
/// </summary>
internal sealed class RandomStream
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpare;

    /// <summary>Stream <paramref name="stream"/> of <paramref name="seed"/>: SplitMix64 started at seed XOR mix(stream)
    /// fills the state, so streams of one seed are unrelated and each can be drawn alone.</summary>
    public RandomStream(ulong seed, ulong stream)
    {
        var state = seed ^ SplitMix64.Mix(stream);
        _s0 = SplitMix64.Next(ref state);
        _s1 = SplitMix64.Next(ref state);
        _s2 = SplitMix64.Next(ref state);
        _s3 = SplitMix64.Next(ref state);
    }

    /// <summary>The next 64 random bits (xoshiro256**).</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1), on the grid of 2^-53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextDouble(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>A standard normal: Marsaglia's polar method, two per accepted pair of points, the second kept for the next call.</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }
        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);
        var scale = Math.Sqrt(-2.0 * PortableMath.Log(s) / s);
        _spareNormal = v * scale;
        _hasSpare = true;
        return u * scale;
    }
}

/// <summary>SplitMix64 (Steele, Lea and Flood), used only to turn a seed into a well-mixed starting state.</summary>
internal static class SplitMix64
{
    /// <summary>Advances <paramref name="state"/> by the golden-ratio increment and returns its mix.</summary>
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser: a bijection of 64-bit words that spreads every input bit over the output.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

using System.Numerics;

namespace Meridian.Runtime.Introspection;

/// <summary>
/// Log-linear latency buckets over nanoseconds: 8 buckets per power of two, so every value is recorded within
/// 12.5 % with a fixed 4 KiB of counters and no allocation.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 3;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int BucketCount = 64 * SubBuckets;

    private readonly long[] _counts = new long[BucketCount];

    /// <summary>Values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Records one value in nanoseconds (negative values count as zero).</summary>
    public void Record(long nanoseconds)
    {
        _counts[BucketOf(Math.Max(0, nanoseconds))]++;
        Count++;
    }

    /// <summary>Adds another histogram's counts to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < BucketCount; i++)
            _counts[i] += other._counts[i];
        Count += other.Count;
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1) in nanoseconds: the midpoint of its bucket; 0 when empty.</summary>
    public double Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var total = _counts.Sum();
        if (total == 0)
            return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return (LowerBound(i) + UpperBound(i)) / 2.0;
        }

        return UpperBound(BucketCount - 1);
    }

    internal static int BucketOf(long value)
    {
        if (value < SubBuckets)
            return (int)value;
        var magnitude = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var sub = (int)(value >> (magnitude - SubBucketBits)) & (SubBuckets - 1);
        return ((magnitude - SubBucketBits + 1) * SubBuckets) + sub;
    }

    internal static double LowerBound(int bucket)
    {
        if (bucket < SubBuckets)
            return bucket;
        var magnitude = (bucket / SubBuckets) + SubBucketBits - 1;
        var sub = bucket % SubBuckets;
        return Math.ScaleB(SubBuckets + sub, magnitude - SubBucketBits);
    }

    internal static double UpperBound(int bucket) =>
        bucket < SubBuckets ? bucket + 1 : LowerBound(bucket) + Math.ScaleB(1, (bucket / SubBuckets) - 1);
}

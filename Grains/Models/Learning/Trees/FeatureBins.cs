namespace Meridian.Grains.Models.Learning;

/// <summary>
/// One feature's bins: bin 0 holds NaN; value bin b (1..<see cref="ValueBins"/>) holds the values x with
/// upper(b - 1) &lt; x &lt;= upper(b), the last upper bound being +∞. A split "bin &lt;= t" is therefore the same rule as
/// "x &lt;= <see cref="UpperBound"/>(t)" on raw values, which is how compiled trees test it.
/// </summary>
internal sealed class FeatureBins
{
    private readonly double[] _upper;

    private FeatureBins(double[] upper) => _upper = upper;

    /// <summary>Bins that hold values (NaN's bin 0 aside).</summary>
    public int ValueBins => _upper.Length;

    /// <summary>The largest value of value bin <paramref name="bin"/> (1-based); +∞ for the last.</summary>
    public double UpperBound(int bin) => _upper[bin - 1];

    /// <summary>The bin of <paramref name="value"/>: 0 for NaN, else the first value bin whose upper bound is at least it.</summary>
    public byte BinOf(double value)
    {
        if (double.IsNaN(value))
            return 0;
        // A branch-free lower bound (a mask, not a jump): the comparisons of a binary search over random values are unpredictable.
        var low = 0;
        var length = _upper.Length;
        while (length > 1)
        {
            var half = length >> 1;
            low += half & -(_upper[low + half] < value ? 1 : 0);
            length -= half;
        }
        low += _upper[low] < value ? 1 : 0;
        return (byte)(low + 1);
    }

    /// <summary>
    /// Bins from a sample of the feature's defined values (sorted here, in place): one bin per distinct value when
    /// there are at most <paramref name="maxBins"/>, else greedy quantiles: each bin closes at the first distinct value
    /// that brings it to the remaining rows over the remaining bins, and a value with that many rows by itself gets a
    /// bin of its own. Upper bounds are midway between neighbouring distinct values, so that unseen values fall to the
    /// nearer side.
    /// </summary>
    public static FeatureBins FromSample(double[] values, int maxBins)
    {
        Array.Sort(values);
        var distinct = new List<(double Value, int Count)>();
        foreach (var v in values)
        {
            if (distinct.Count > 0 && distinct[^1].Value == v)
                distinct[^1] = (v, distinct[^1].Count + 1);
            else
                distinct.Add((v, 1));
        }
        var upper = new List<double>();
        var remainingRows = (double)values.Length;
        var remainingBins = maxBins;
        var inBin = 0;
        void Close(int last)
        {
            upper.Add(Between(distinct[last].Value, distinct[last + 1].Value));
            remainingRows -= inBin;
            remainingBins--;
            inBin = 0;
        }
        for (var i = 0; i < distinct.Count; i++)
        {
            // A value with a bin's share of rows or more gets a bin of its own: the bin before it closes, and so does its own.
            var heavy = remainingBins > 1 && distinct[i].Count >= remainingRows / remainingBins;
            if (heavy && inBin > 0)
                Close(i - 1);
            inBin += distinct[i].Count;
            var full = remainingBins > 1 && (heavy || inBin >= remainingRows / remainingBins);
            if (i < distinct.Count - 1 && (distinct.Count <= maxBins || full))
                Close(i);
        }
        upper.Add(double.PositiveInfinity);
        return new FeatureBins([.. upper]);
    }

    /// <summary>Midway between two neighbouring values, or the lower when the midpoint is not strictly between them (adjacent doubles, infinities).</summary>
    private static double Between(double lower, double higher)
    {
        var middle = lower + ((higher - lower) / 2);
        return middle > lower && middle < higher ? middle : lower;
    }
}

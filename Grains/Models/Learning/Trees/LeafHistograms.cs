using System.Runtime.Intrinsics.X86;

namespace Meridian.Grains.Models.Learning;

/// <summary>A leaf whose histograms are wanted: where they go, and the leaf's totals to search its splits (no search when it may not split).</summary>
internal readonly record struct HistogramLeaf(int Slot, double SumGradient, int Count, bool Search);

/// <summary>
/// Per-leaf histograms of every feature: for each bin, the gradient sum and the row count. One slot per live leaf,
/// allocated once for a training. A split builds the smaller child from its rows and gets the larger one by
/// subtracting it from the parent's (in the parent's slot), then searches both. The features are cut into groups, one
/// a core, built in parallel, each reading the leaf's rows once; every feature's numbers are made by
/// one task in row order, and the best split is reduced over features in feature order, so the trees depend neither
/// on thread scheduling nor on the number of cores.
/// </summary>
internal sealed class LeafHistograms
{
    // Two numbers for each of 256 bins: a byte bin indexes a feature's histogram without a bounds check.
    private const int Stride = 2 * 256;

    // Below this many row-feature cells a leaf is built on the calling thread: the parallel loop would cost more.
    private const int ParallelCells = 1 << 16;

    private readonly BinnedFeatures _bins;
    private readonly GbdtOptions _options;
    private readonly double[][] _slots;
    private readonly double[] _orderedGradients;
    private readonly SplitCandidate[] _smallerBest;
    private readonly SplitCandidate[] _largerBest;
    private readonly Action<int> _buildGroup;
    private readonly int _groups;

    // The job in progress, read by the group tasks.
    private int[] _features = [];
    private int[] _rows = [];
    private int _start;
    private int _count;
    private HistogramLeaf _smaller;
    private HistogramLeaf? _larger;

    public LeafHistograms(BinnedFeatures bins, GbdtOptions options)
    {
        _bins = bins;
        _options = options;
        _slots = new double[options.NumLeaves][];
        for (var s = 0; s < _slots.Length; s++)
            _slots[s] = new double[bins.FeatureCount * Stride];
        _orderedGradients = new double[bins.RowCount];
        _smallerBest = new SplitCandidate[bins.FeatureCount];
        _largerBest = new SplitCandidate[bins.FeatureCount];
        _buildGroup = BuildGroup;
        // One group a core, but at least 16 features a group: every group reads each row's cache lines, so many narrow
        // groups would read the rows many times over.
        _groups = Math.Clamp(bins.FeatureCount / 16, 1, Environment.ProcessorCount);
    }

    /// <summary>
    /// Builds <paramref name="smaller"/>'s histograms from rows [<paramref name="start"/>, + <paramref name="count"/>) of
    /// <paramref name="rows"/>; when <paramref name="larger"/> is given, turns its slot (holding the parent's) into the
    /// larger child's. Returns each leaf's best split over <paramref name="features"/> (ascending).
    /// </summary>
    public (SplitCandidate Smaller, SplitCandidate Larger) Build(
        int[] features, int[] rows, int start, int count, double[] gradients, HistogramLeaf smaller, HistogramLeaf? larger)
    {
        _features = features;
        _rows = rows;
        _start = start;
        _count = count;
        _smaller = smaller;
        _larger = larger;
        // Gradients in the leaf's row order, so that the pass reads them sequentially.
        for (var i = 0; i < count; i++)
            _orderedGradients[i] = gradients[rows[start + i]];

        if ((long)count * features.Length < ParallelCells || _groups == 1)
            BuildFeatures(0, features.Length);
        else
            Parallel.For(0, _groups, _buildGroup);

        var smallerBest = SplitCandidate.None;
        var largerBest = SplitCandidate.None;
        for (var i = 0; i < features.Length; i++)
        {
            if (_smallerBest[i].Gain > smallerBest.Gain)
                smallerBest = _smallerBest[i];
            if (_largerBest[i].Gain > largerBest.Gain)
                largerBest = _largerBest[i];
        }
        return (smallerBest, largerBest);
    }

    private void BuildGroup(int group) =>
        BuildFeatures(_features.Length * group / _groups, _features.Length * (group + 1) / _groups);

    /// <summary>Features [<paramref name="from"/>, <paramref name="to"/>) of the job: their histograms, then their searches.</summary>
    private void BuildFeatures(int from, int to)
    {
        if (from == to)
            return;
        var features = _features.AsSpan(from, to - from);
        var smaller = _slots[_smaller.Slot];
        foreach (var feature in features)
            smaller.AsSpan(feature * Stride, Used(feature)).Clear();
        Accumulate(_bins.Values, _bins.FeatureCount, _rows.AsSpan(_start, _count), _orderedGradients.AsSpan(0, _count), features, smaller);

        for (var i = from; i < to; i++)
        {
            var feature = _features[i];
            var histogram = smaller.AsSpan(feature * Stride, Used(feature));
            _smallerBest[i] = Search(feature, histogram, _smaller);
            _largerBest[i] = SplitCandidate.None;
            if (_larger is not { } larger)
                continue;
            var parent = _slots[larger.Slot].AsSpan(feature * Stride, Used(feature));
            for (var b = 0; b < parent.Length; b++)
                parent[b] -= histogram[b];
            _largerBest[i] = Search(feature, parent, larger);
        }
    }

    private int Used(int feature) => 2 * (_bins.Bins[feature].ValueBins + 1);

    private SplitCandidate Search(int feature, ReadOnlySpan<double> histogram, HistogramLeaf leaf) =>
        leaf.Search ? SplitSearch.Best(feature, histogram, _bins.Bins[feature].ValueBins, leaf.SumGradient, leaf.Count, _options) : SplitCandidate.None;

    /// <summary>
    /// The hot loop of training: one pass over a leaf's rows, adding each row's gradient and a count of one to the bin
    /// of each of <paramref name="features"/> in <paramref name="slot"/> (cleared beforehand). The rows of a deep leaf
    /// lie scattered over the bins, so the pass prefetches the row it will read <c>Ahead</c> rows on (which takes a
    /// pointer); on the benchmark this halved the time of the passes below the root. Every row index is a training row
    /// and a bin times two plus one is below Stride, so no read leaves its array.
    /// </summary>
    private static unsafe void Accumulate(
        byte[] bins, int featureCount, ReadOnlySpan<int> rows, ReadOnlySpan<double> gradients, ReadOnlySpan<int> features, double[] slot)
    {
        const int Ahead = 24;
        var first = features[0];
        var last = features[^1];
        var contiguous = last - first + 1 == features.Length;
        fixed (byte* allBins = bins)
        fixed (double* histogram = slot)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (Sse.IsSupported && i + Ahead < rows.Length)
                {
                    // Every cache line of the coming row's bytes from the first feature to the last.
                    var next = allBins + ((nint)rows[i + Ahead] * featureCount);
                    for (var line = first; line < last + 64; line += 64)
                        Sse.Prefetch0(next + Math.Min(line, last));
                }
                var row = allBins + ((nint)rows[i] * featureCount);
                var gradient = gradients[i];
                if (contiguous)
                {
                    // A range of features (no sampling): the histogram steps by Stride, with no feature index to load.
                    var at0 = histogram + (first * Stride);
                    for (var feature = first; feature <= last; feature++, at0 += Stride)
                    {
                        var at = at0 + (row[feature] << 1);
                        at[0] += gradient;
                        at[1] += 1;
                    }
                    continue;
                }
                foreach (var feature in features)
                {
                    var at = histogram + (feature * Stride) + (row[feature] << 1);
                    at[0] += gradient;
                    at[1] += 1;
                }
            }
        }
    }
}

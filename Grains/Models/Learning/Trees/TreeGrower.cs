namespace Meridian.Grains.Models.Learning;

/// <summary>
/// Grows one regression tree leaf-wise (best-first, as LightGBM does): of all current leaves, the one whose best split
/// gains most is split next, until the tree has <see cref="GbdtOptions.NumLeaves"/> leaves or no split gains more than
/// <see cref="GbdtOptions.MinGainToSplit"/>. Ties go to the lower leaf, then the lower feature. All buffers are
/// allocated once per training.
/// </summary>
internal sealed class TreeGrower
{
    private readonly BinnedFeatures _bins;
    private readonly GbdtOptions _options;
    private readonly RowPartition _partition;
    private readonly LeafHistograms _histograms;

    private readonly int[] _leafStart;
    private readonly int[] _leafCount;
    private readonly double[] _leafGradient;
    private readonly int[] _leafDepth;
    private readonly int[] _leafSlot;
    private readonly int[] _leafParent;
    private readonly bool[] _leafIsLeft;
    private readonly SplitCandidate[] _leafBest;
    private int _leaves;

    private readonly int[] _splitFeature;
    private readonly double[] _threshold;
    private readonly bool[] _defaultLeft;
    private readonly int[] _leftChild;
    private readonly int[] _rightChild;
    private readonly double[] _splitGain;
    private int _nodes;

    public TreeGrower(BinnedFeatures bins, GbdtOptions options)
    {
        _bins = bins;
        _options = options;
        _partition = new RowPartition(bins.RowCount);
        _histograms = new LeafHistograms(bins, options);
        var leaves = options.NumLeaves;
        _leafStart = new int[leaves];
        _leafCount = new int[leaves];
        _leafGradient = new double[leaves];
        _leafDepth = new int[leaves];
        _leafSlot = new int[leaves];
        _leafParent = new int[leaves];
        _leafIsLeft = new bool[leaves];
        _leafBest = new SplitCandidate[leaves];
        _splitFeature = new int[leaves - 1];
        _threshold = new double[leaves - 1];
        _defaultLeft = new bool[leaves - 1];
        _leftChild = new int[leaves - 1];
        _rightChild = new int[leaves - 1];
        _splitGain = new double[leaves - 1];
    }

    /// <summary>A tree on <paramref name="rows"/> (ascending), splitting only on <paramref name="features"/> (ascending).</summary>
    public RegressionTree Grow(double[] gradients, ReadOnlySpan<int> rows, int[] features)
    {
        _partition.Reset(rows);
        var sum = 0.0;
        foreach (var row in rows)
            sum += gradients[row];
        _leaves = 1;
        _nodes = 0;
        SetLeaf(0, 0, rows.Length, sum, depth: 0, parent: -1, isLeft: false);
        _leafSlot[0] = 0;
        _leafBest[0] = CanSplit(0)
            ? _histograms.Build(features, _partition.Rows, 0, rows.Length, gradients, Histogram(0), null).Smaller
            : SplitCandidate.None;
        while (_leaves < _options.NumLeaves && BestLeaf() is var leaf and >= 0)
            Split(leaf, gradients, features);
        return Tree();
    }

    /// <summary>Adds each leaf's value of <paramref name="tree"/> (the last grown) to the scores of the rows it was grown on.</summary>
    public void AddLeafValues(RegressionTree tree, double[] scores)
    {
        var rows = _partition.Rows;
        for (var leaf = 0; leaf < _leaves; leaf++)
        {
            var value = tree.LeafValue[leaf];
            for (var i = _leafStart[leaf]; i < _leafStart[leaf] + _leafCount[leaf]; i++)
                scores[rows[i]] += value;
        }
    }

    private void Split(int leaf, double[] gradients, int[] features)
    {
        var split = _leafBest[leaf];
        var node = _nodes++;
        _splitFeature[node] = split.Feature;
        _threshold[node] = _bins.Bins[split.Feature].UpperBound(split.ThresholdBin);
        _defaultLeft[node] = split.DefaultLeft;
        _splitGain[node] = split.Gain;
        if (_leafParent[leaf] >= 0)
            (_leafIsLeft[leaf] ? _leftChild : _rightChild)[_leafParent[leaf]] = node;

        // The left child keeps the leaf's number, the right child takes the next: leaves stay numbered 0..count-1.
        var right = _leaves++;
        _leftChild[node] = ~leaf;
        _rightChild[node] = ~right;
        var start = _leafStart[leaf];
        var count = _leafCount[leaf];
        var leftCount = _partition.Split(start, count, _bins, split);
        var depth = _leafDepth[leaf] + 1;
        SetLeaf(leaf, start, leftCount, split.LeftGradient, depth, node, isLeft: true);
        SetLeaf(right, start + leftCount, count - leftCount, split.RightGradient, depth, node, isLeft: false);

        // The larger child inherits the parent's histograms (to subtract from); the smaller takes the free slot.
        var (smaller, larger) = leftCount <= count - leftCount ? (leaf, right) : (right, leaf);
        _leafSlot[larger] = _leafSlot[leaf];
        _leafSlot[smaller] = right;
        _leafBest[smaller] = SplitCandidate.None;
        _leafBest[larger] = SplitCandidate.None;
        if (!CanSplit(smaller) && !CanSplit(larger))
            return;
        (_leafBest[smaller], _leafBest[larger]) = _histograms.Build(
            features, _partition.Rows, _leafStart[smaller], _leafCount[smaller], gradients,
            Histogram(smaller), CanSplit(larger) ? Histogram(larger) : null);
    }

    private void SetLeaf(int leaf, int start, int count, double gradient, int depth, int parent, bool isLeft)
    {
        _leafStart[leaf] = start;
        _leafCount[leaf] = count;
        _leafGradient[leaf] = gradient;
        _leafDepth[leaf] = depth;
        _leafParent[leaf] = parent;
        _leafIsLeft[leaf] = isLeft;
    }

    private HistogramLeaf Histogram(int leaf) => new(_leafSlot[leaf], _leafGradient[leaf], _leafCount[leaf], CanSplit(leaf));

    private bool CanSplit(int leaf) =>
        _leafCount[leaf] >= 2 * _options.MinDataInLeaf && !(_leafDepth[leaf] >= _options.MaxDepth);

    private int BestLeaf()
    {
        var best = -1;
        for (var leaf = 0; leaf < _leaves; leaf++)
        {
            if (_leafBest[leaf].Exists && (best < 0 || _leafBest[leaf].Gain > _leafBest[best].Gain))
                best = leaf;
        }
        return best;
    }

    private RegressionTree Tree()
    {
        var values = new double[_leaves];
        for (var leaf = 0; leaf < _leaves; leaf++)
            values[leaf] = SplitSearch.LeafValue(_leafGradient[leaf], _leafCount[leaf], _options.Lambda) * _options.LearningRate;
        return new RegressionTree(
            _splitFeature[.._nodes], _threshold[.._nodes], _defaultLeft[.._nodes], _leftChild[.._nodes], _rightChild[.._nodes],
            _splitGain[.._nodes], values);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Meridian.Grains.Models.Learning;

/// <summary>How a boosting run went: trees grown, trees kept (the best validation round, or all), validation loss (mean squared error) after each tree.</summary>
public sealed record BoostingHistory(int IterationsRun, int BestIteration, IReadOnlyList<double> ValidationLoss);

/// <summary>
/// Gradient-boosted regression trees, compiled for fast single-row scoring: score = <see cref="BaseScore"/> + the sum
/// of one leaf value per tree, in tree order. Every node of every tree, leaves included, is a 24-byte struct in one
/// array; a row walks eight trees side by side without a data-dependent jump, and without allocating.
/// </summary>
public sealed class GbdtModel : IPredictor
{
    // Trees walked side by side: eight independent chains of loads keep the core busy while each waits on its loads.
    private const int Lanes = 8;

    private readonly Node[] _nodes;
    private readonly int[] _roots;

    internal GbdtModel(int featureCount, double baseScore, IReadOnlyList<RegressionTree> trees, BoostingHistory? history)
    {
        FeatureCount = featureCount;
        BaseScore = baseScore;
        Trees = trees;
        History = history;
        (_nodes, _roots) = Compile(trees);
    }

    /// <inheritdoc />
    public int FeatureCount { get; }

    /// <summary>The score before any tree: the mean training label.</summary>
    public double BaseScore { get; }

    /// <summary>How many trees the model sums.</summary>
    public int TreeCount => Trees.Count;

    /// <summary>How training went; null for a model read from a file (its metrics keep iterations_run and validation_l2).</summary>
    public BoostingHistory? History { get; }

    internal IReadOnlyList<RegressionTree> Trees { get; }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<double> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"the boosted trees read {FeatureCount} features; the row has {features.Length}", nameof(features));
        // Every split feature is below FeatureCount (checked when the trees were made or read), the row has FeatureCount
        // values, and every child code points into the array: the walk reads without bounds checks.
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var row = ref MemoryMarshal.GetReference(features);
        var score = BaseScore;
        for (var t = 0; t < _roots.Length; t += Lanes)
        {
            int a = _roots[t], b = _roots[t + 1], c = _roots[t + 2], d = _roots[t + 3];
            int e = _roots[t + 4], f = _roots[t + 5], g = _roots[t + 6], h = _roots[t + 7];
            // A lane at a leaf holds a negative code and stays there; the walk ends when all of them do.
            while ((a & b & c & d & e & f & g & h) >= 0)
            {
                a = Step(ref nodes, ref row, a);
                b = Step(ref nodes, ref row, b);
                c = Step(ref nodes, ref row, c);
                d = Step(ref nodes, ref row, d);
                e = Step(ref nodes, ref row, e);
                f = Step(ref nodes, ref row, f);
                g = Step(ref nodes, ref row, g);
                h = Step(ref nodes, ref row, h);
            }
            score += Leaf(ref nodes, a);
            score += Leaf(ref nodes, b);
            score += Leaf(ref nodes, c);
            score += Leaf(ref nodes, d);
            score += Leaf(ref nodes, e);
            score += Leaf(ref nodes, f);
            score += Leaf(ref nodes, g);
            score += Leaf(ref nodes, h);
        }
        return score;
    }

    /// <summary>
    /// One step down from the node with code <paramref name="at"/>: its byte offset in the array, or ~offset for a leaf,
    /// which steps to itself. The child is picked by offset (Left or the Right after it), not by a jump: a row's way is
    /// unpredictable, and a jump would be mispredicted half the time. NaN fails "value &gt; threshold", then takes the
    /// learned direction (a jump, but one that rows without NaN always predict).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node nodes, ref double row, int at)
    {
        ref var node = ref At(ref nodes, at ^ (at >> 31));
        var value = Unsafe.Add(ref row, node.Feature);
        var right = Unsafe.BitCast<bool, byte>(value > node.Value);
        if (double.IsNaN(value))
            right = node.NaNRight;
        return Unsafe.Add(ref node.Left, right);
    }

    private static double Leaf(ref Node nodes, int code) => At(ref nodes, ~code).Value;

    private static ref Node At(ref Node nodes, int offset) =>
        ref Unsafe.As<byte, Node>(ref Unsafe.AddByteOffset(ref Unsafe.As<Node, byte>(ref nodes), offset));

    /// <summary>
    /// Lays each tree out as its nodes then its leaves, all trees in one array, and codes every child by offset. The
    /// roots are padded to a multiple of <see cref="Lanes"/> with a leaf of value 0 (adding 0 changes no sum).
    /// </summary>
    private static (Node[] Nodes, int[] Roots) Compile(IReadOnlyList<RegressionTree> trees)
    {
        var nodes = new Node[trees.Sum(t => t.NodeCount + t.LeafValue.Length) + 1];
        var roots = new int[(trees.Count + Lanes - 1) / Lanes * Lanes];
        var next = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var first = next;
            var firstLeaf = first + tree.NodeCount;
            int Code(int child) => child >= 0 ? Offset(first + child) : ~Offset(firstLeaf + ~child);
            roots[t] = Code(tree.NodeCount > 0 ? 0 : ~0);
            for (var i = 0; i < tree.NodeCount; i++)
                nodes[first + i] = new Node(tree.Threshold[i], tree.SplitFeature[i], Code(tree.LeftChild[i]), Code(tree.RightChild[i]), tree.DefaultLeft[i]);
            for (var leaf = 0; leaf < tree.LeafValue.Length; leaf++)
                nodes[firstLeaf + leaf] = Node.Leaf(tree.LeafValue[leaf], Code(~leaf));
            next = firstLeaf + tree.LeafValue.Length;
        }
        nodes[next] = Node.Leaf(0, ~Offset(next));
        roots.AsSpan(trees.Count).Fill(~Offset(next));
        return (nodes, roots);
    }

    private static int Offset(int index) => index * Unsafe.SizeOf<Node>();

    /// <summary>A node: an internal node's feature, threshold and children; a leaf's value, with both children itself.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Node(double value, int feature, int left, int right, bool defaultLeft)
    {
        /// <summary>An internal node's threshold (a row goes right when above it), or a leaf's value.</summary>
        public double Value = value;
        public int Feature = feature;
        public int Left = left;
        public int Right = right; // must follow Left: Step picks a child as Left + 0 or 1
        public byte NaNRight = defaultLeft ? (byte)0 : (byte)1;

        public static Node Leaf(double value, int self) => new(value, 0, self, self, defaultLeft: true);
    }
}

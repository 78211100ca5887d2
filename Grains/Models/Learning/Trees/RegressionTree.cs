using System.Globalization;
using System.Text.Json.Serialization;

namespace Meridian.Grains.Models.Learning;

/// <summary>
/// One regression tree as its model file holds it. Internal node i tests feature <see cref="SplitFeature"/>[i]: a row
/// goes left when the value is at most <see cref="Threshold"/>[i], or when it is NaN and <see cref="DefaultLeft"/>[i].
/// A child at or above 0 is an internal node (always after its parent); a negative child c is leaf ~c (-c - 1). Node 0
/// is the root; a tree with no internal node is its one leaf. <see cref="SplitGain"/> is each split's training gain.
/// </summary>
internal sealed record RegressionTree(
    int[] SplitFeature, double[] Threshold, bool[] DefaultLeft, int[] LeftChild, int[] RightChild, double[] SplitGain, double[] LeafValue)
{
    [JsonIgnore]
    public int NodeCount => SplitFeature.Length;

    /// <summary>What is wrong with the tree for a model over <paramref name="featureCount"/> features, or null.</summary>
    public string? Problem(int featureCount)
    {
        var nodes = NodeCount;
        if (Threshold.Length != nodes || DefaultLeft.Length != nodes || LeftChild.Length != nodes || RightChild.Length != nodes || SplitGain.Length != nodes)
            return $"split_feature, threshold, default_left, left_child, right_child and split_gain must be as long as each other ({nodes} nodes)";
        if (LeafValue.Length != nodes + 1)
            return $"{nodes} internal nodes make {nodes + 1} leaves, but leaf_value has {LeafValue.Length} values";
        var nodeParents = new int[nodes];
        var leafParents = new int[nodes + 1];
        for (var i = 0; i < nodes; i++)
        {
            if (SplitFeature[i] < 0 || SplitFeature[i] >= featureCount)
                return $"node {i} splits on feature {SplitFeature[i]}, outside the {featureCount} features";
            if (double.IsNaN(Threshold[i]))
                return $"node {i} has a NaN threshold";
            foreach (var child in new[] { LeftChild[i], RightChild[i] })
            {
                if (child >= 0 && (child <= i || child >= nodes))
                    return $"node {i} has child node {child}; a child node must come after its parent and before {nodes}";
                if (child < 0 && ~child > nodes)
                    return $"node {i} has child leaf {~child}; there are {nodes + 1} leaves";
                if ((child >= 0 ? ++nodeParents[child] : ++leafParents[~child]) > 1)
                    return $"node {i} shares its child {(child >= 0 ? $"node {child}" : $"leaf {~child}")} with another node";
            }
        }
        for (var n = 1; n < nodes; n++)
        {
            if (nodeParents[n] == 0)
                return $"node {n} is no node's child";
        }
        var orphanLeaf = Array.IndexOf(leafParents, 0);
        if (nodes > 0 && orphanLeaf >= 0)
            return $"leaf {orphanLeaf} is no node's child";
        var badLeaf = Array.FindIndex(LeafValue, v => !double.IsFinite(v));
        return badLeaf >= 0 ? string.Create(CultureInfo.InvariantCulture, $"leaf {badLeaf} has value {LeafValue[badLeaf]}; leaf values must be finite") : null;
    }
}

using System.Runtime.Intrinsics.X86;

namespace Meridian.Grains.Models.Learning;

/// <summary>
/// The rows of a growing tree's leaves: one array of row indices in which each leaf owns a contiguous range. Splitting
/// a leaf partitions its range stably (left rows first), so each leaf's rows stay in ascending order and its
/// histogram pass reads the bins forwards.
/// </summary>
internal sealed class RowPartition(int rowCount)
{
    private readonly int[] _scratch = new int[rowCount];

    /// <summary>Row indices, leaf by leaf.</summary>
    public int[] Rows { get; } = new int[rowCount];

    /// <summary>Puts <paramref name="rows"/> (the tree's rows, ascending) in the root's range, from 0.</summary>
    public void Reset(ReadOnlySpan<int> rows) => rows.CopyTo(Rows);

    /// <summary>Partitions [<paramref name="start"/>, + <paramref name="count"/>) by the split; returns how many rows went left.</summary>
    public unsafe int Split(int start, int count, BinnedFeatures bins, SplitCandidate split)
    {
        Span<bool> goesLeft = stackalloc bool[256];
        goesLeft[0] = split.DefaultLeft;
        goesLeft[1..(split.ThresholdBin + 1)].Fill(true);
        var left = 0;
        var right = 0;
        fixed (byte* values = bins.Values)
        {
            var featureBins = values + split.Feature;
            var end = start + count;
            for (var i = start; i < end; i++)
            {
                // The leaf's rows are scattered over the row-major bins: fetch the split feature's byte 32 rows ahead.
                if (Sse.IsSupported && i + 32 < end)
                    Sse.Prefetch0(featureBins + ((nint)Rows[i + 32] * bins.FeatureCount));
                var row = Rows[i];
                if (goesLeft[featureBins[(nint)row * bins.FeatureCount]])
                    Rows[start + left++] = row;
                else
                    _scratch[right++] = row;
            }
        }
        _scratch.AsSpan(0, right).CopyTo(Rows.AsSpan(start + left));
        return left;
    }
}

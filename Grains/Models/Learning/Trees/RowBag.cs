using Meridian.Grains.MarketData.Synthetic;

namespace Meridian.Grains.Models.Learning;

/// <summary>
/// The rows a tree learns from (bagging): every <see cref="GbdtOptions.BaggingFreq"/> trees, each row is kept with
/// probability <see cref="GbdtOptions.BaggingFraction"/>; without bagging, every row. Rows out of the bag still get each
/// tree's score, by walking the tree.
/// </summary>
internal sealed class RowBag
{
    private readonly GbdtOptions _options;
    private readonly RandomStream _random;
    private readonly int[] _inBag;
    private readonly int[] _outOfBag;
    private int _inCount;
    private int _outCount;

    public RowBag(int rows, GbdtOptions options, RandomStream random)
    {
        _options = options;
        _random = random;
        _inBag = Enumerable.Range(0, rows).ToArray();
        _outOfBag = options.Bagging ? new int[rows] : [];
        _inCount = rows;
    }

    /// <summary>The rows in the bag, ascending.</summary>
    public ReadOnlySpan<int> InBag => _inBag.AsSpan(0, _inCount);

    /// <summary>The rows out of it, ascending.</summary>
    public ArraySegment<int> OutOfBag => new(_outOfBag, 0, _outCount);

    /// <summary>Draws a new bag when tree <paramref name="iteration"/> starts a bagging period.</summary>
    public void Draw(int iteration)
    {
        if (!_options.Bagging || iteration % _options.BaggingFreq != 0)
            return;
        _inCount = 0;
        _outCount = 0;
        for (var row = 0; row < _inBag.Length; row++)
        {
            if (_random.NextDouble() < _options.BaggingFraction)
                _inBag[_inCount++] = row;
            else
                _outOfBag[_outCount++] = row;
        }
    }
}

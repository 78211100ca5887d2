namespace Meridian.Grains.Models.Features;

/// <summary>
/// The last <c>window</c> values kept in order too, for rank and quantile: O(log window) to find a place and one block
/// move of at most <c>window</c> doubles per value. Values must not be NaN.
/// </summary>
internal sealed class SortedWindow
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _next;
    private int _count;

    public SortedWindow(int window)
    {
        _ring = new double[window];
        _sorted = new double[window];
    }

    public void Push(double value)
    {
        if (_count == _ring.Length)
        {
            // Any copy of an equal value will do: they are indistinguishable.
            var leaving = Array.BinarySearch(_sorted, 0, _count, _ring[_next]);
            Array.Copy(_sorted, leaving + 1, _sorted, leaving, _count - leaving - 1);
            _count--;
        }
        var place = CountAtMost(value);
        Array.Copy(_sorted, place, _sorted, place + 1, _count - place);
        _sorted[place] = value;
        _count++;
        _ring[_next] = value;
        _next = _next + 1 == _ring.Length ? 0 : _next + 1;
    }

    /// <summary>
    /// The <paramref name="q"/>-quantile with pandas' linear interpolation: the value at position q·(n − 1) of the
    /// sorted window, between its neighbours.
    /// </summary>
    public double Quantile(double q)
    {
        var position = q * (_count - 1);
        var below = (int)position;
        return position == below ? _sorted[below] : _sorted[below] + ((_sorted[below + 1] - _sorted[below]) * (position - below));
    }

    /// <summary>
    /// <paramref name="value"/>'s percentile rank in the window, in (0, 1]: its average rank (ties share the mean of
    /// their ranks) over n, as pandas' rank(pct=True) and scipy's percentileofscore / 100.
    /// </summary>
    public double PercentRank(double value)
    {
        var below = CountBelow(value);
        var equal = CountAtMost(value) - below;
        return (below + ((equal + 1) / 2.0)) / _count;
    }

    private int CountBelow(double value)
    {
        var (low, high) = (0, _count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_sorted[middle] < value)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private int CountAtMost(double value)
    {
        var (low, high) = (0, _count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_sorted[middle] <= value)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}

namespace Meridian.Grains.Models.Features;

/// <summary>
/// The largest (or smallest) of the last <c>window</c> values and where in the window it is, in amortized O(1) per value:
/// a monotonic deque of the values that can still become the extreme. Ties keep the oldest, as numpy's argmax does.
/// </summary>
internal sealed class RollingExtremum
{
    private readonly bool _largest;
    private readonly int _window;
    private readonly double[] _values;
    private readonly long[] _bars;
    private int _head;
    private int _size;
    private long _seen;

    /// <summary>Tracks the largest value when <paramref name="largest"/>, else the smallest.</summary>
    public RollingExtremum(int window, bool largest)
    {
        _window = window;
        _largest = largest;
        _values = new double[window];
        _bars = new long[window];
    }

    /// <summary>The extreme of the window.</summary>
    public double Value => _values[_head];

    /// <summary>Where the extreme is, 1 for the window's oldest bar to the window for its newest (Qlib's IdxMax/IdxMin).</summary>
    public int Position => (int)(_bars[_head] - _seen) + _window + 1;

    public void Push(double value)
    {
        if (_size > 0 && _bars[_head] <= _seen - _window)
        {
            _head = _head + 1 == _window ? 0 : _head + 1;
            _size--;
        }
        // A value the new one beats can never be the extreme again: it leaves the window first.
        while (_size > 0 && Beats(value, _values[Slot(_size - 1)]))
            _size--;
        var slot = Slot(_size);
        _values[slot] = value;
        _bars[slot] = _seen;
        _size++;
        _seen++;
    }

    private bool Beats(double value, double other) => _largest ? value > other : value < other;

    private int Slot(int offset)
    {
        var slot = _head + offset;
        return slot >= _window ? slot - _window : slot;
    }
}

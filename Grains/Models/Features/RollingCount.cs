namespace Meridian.Grains.Models.Features;

/// <summary>How many of the last <c>window</c> bars met a condition (exact: a count, not a running double sum).</summary>
internal sealed class RollingCount
{
    private readonly bool[] _ring;
    private int _next;
    private int _seen;

    public RollingCount(int window) => _ring = new bool[window];

    /// <summary>The bars in the window that met the condition.</summary>
    public int Count { get; private set; }

    public void Push(bool met)
    {
        if (_seen >= _ring.Length && _ring[_next])
            Count--;
        _ring[_next] = met;
        if (met)
            Count++;
        _next = _next + 1 == _ring.Length ? 0 : _next + 1;
        _seen++;
    }
}

namespace Meridian.Grains.Models.Features;

/// <summary>The last closes, for a close some bars back (Qlib's Ref($close, d)).</summary>
internal sealed class CloseHistory
{
    private readonly double[] _ring;
    private int _next;
    private long _seen;

    /// <summary>Keeps enough closes to look <paramref name="longestLag"/> bars back.</summary>
    public CloseHistory(int longestLag) => _ring = new double[longestLag + 1];

    public void Push(double close)
    {
        _ring[_next] = close;
        _next = _next + 1 == _ring.Length ? 0 : _next + 1;
        _seen++;
    }

    /// <summary>The close <paramref name="lag"/> bars before the last one, or NaN before there was one.</summary>
    public double Ago(int lag)
    {
        if (lag >= _seen)
            return double.NaN;
        var slot = _next - 1 - lag;
        return _ring[slot < 0 ? slot + _ring.Length : slot];
    }
}

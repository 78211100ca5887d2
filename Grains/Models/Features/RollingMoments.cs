namespace Meridian.Grains.Models.Features;

/// <summary>
/// Sum, mean and variance of the last <c>window</c> values, in O(1) per value (amortized: the sums are rebuilt from the
/// ring once per window, and early when they have worn, see <see cref="CentredSums"/>). A window whose values are all
/// equal is exact: its mean is that value and its variance zero, so a run of zero-volume bars sums to exactly 0 and
/// Qlib's 1e-12 guards act as they would on exact data. Values must be finite.
/// </summary>
internal sealed class RollingMoments
{
    private readonly double[] _ring;
    private CentredSums _sums;
    private int _next;
    private int _count;
    private int _run;
    private int _sinceRebuild;
    private double _last = double.NaN;

    public RollingMoments(int window) => _ring = new double[window];

    /// <summary>Σx over the window.</summary>
    public double Sum => (_count * _sums.Centre) + _sums.Sum;

    /// <summary>The mean of the window.</summary>
    public double Mean => _sums.Centre + (_sums.Sum / _count);

    /// <summary>The sample variance (n − 1), as pandas' rolling std squares.</summary>
    public double SampleVariance => _sums.Deviations(_count) / (_count - 1);

    public void Push(double value)
    {
        if (_count == _ring.Length)
            _sums.Remove(_ring[_next]);
        else
            _count++;
        _ring[_next] = value;
        _next = _next + 1 == _ring.Length ? 0 : _next + 1;
        _run = value == _last ? _run + 1 : 1;
        _last = value;
        if (_run >= _ring.Length)
        {
            // Every value in the window is this one: about it, both sums are exactly zero.
            _sums.Reset(value);
            _sinceRebuild = 0;
            return;
        }
        _sums.Add(value);
        if (++_sinceRebuild >= _ring.Length || _sums.Worn(_count))
        {
            _sums.Rebuild(_ring.AsSpan(0, _count));
            _sinceRebuild = 0;
        }
    }
}

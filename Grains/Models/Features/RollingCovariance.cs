namespace Meridian.Grains.Models.Features;

/// <summary>
/// Means, squared deviations and cross deviations of the last <c>window</c> pairs (x, y), in O(1) per pair (amortized,
/// as <see cref="RollingMoments"/>): what a correlation or a least-squares line over the window needs. A side whose
/// values are all equal over the window is exact (zero deviations, zero cross deviations). A pair with a non-finite side
/// makes the window not <see cref="Ready"/> until it has left.
/// </summary>
internal sealed class RollingCovariance
{
    private readonly double[] _xs;
    private readonly double[] _ys;
    private CentredSums _x;
    private CentredSums _y;

    /// <summary>Σ(x − cx)(y − cy) about the two centres.</summary>
    private double _products;

    private int _next;
    private int _count;
    private int _invalid;
    private int _sinceRebuild;
    private int _runX;
    private int _runY;
    private double _lastX = double.NaN;
    private double _lastY = double.NaN;

    public RollingCovariance(int window)
    {
        _xs = new double[window];
        _ys = new double[window];
    }

    /// <summary>True once the window is full and every pair in it is finite.</summary>
    public bool Ready => _count == _xs.Length && _invalid == 0;

    /// <summary>The mean of the window's x.</summary>
    public double MeanX => _x.Centre + (_x.Sum / _count);

    /// <summary>The mean of the window's y.</summary>
    public double MeanY => _y.Centre + (_y.Sum / _count);

    /// <summary>Σ(x − mean x)².</summary>
    public double DeviationsX => _x.Deviations(_count);

    /// <summary>Σ(y − mean y)².</summary>
    public double DeviationsY => _y.Deviations(_count);

    /// <summary>Σ(x − mean x)(y − mean y).</summary>
    public double CrossDeviations => _products - (_x.Sum * _y.Sum / _count);

    public void Push(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
            (x, y) = (double.NaN, double.NaN);
        if (_count == _xs.Length)
            Leave(_xs[_next], _ys[_next]);
        else
            _count++;
        _xs[_next] = x;
        _ys[_next] = y;
        _next = _next + 1 == _xs.Length ? 0 : _next + 1;
        _runX = x == _lastX ? _runX + 1 : 1;
        _runY = y == _lastY ? _runY + 1 : 1;
        (_lastX, _lastY) = (x, y);
        if (double.IsNaN(x))
        {
            _invalid++;
        }
        else
        {
            _products += (x - _x.Centre) * (y - _y.Centre);
            _x.Add(x);
            _y.Add(y);
        }
        if (++_sinceRebuild >= _xs.Length || _x.Worn(_count - _invalid) || _y.Worn(_count - _invalid))
        {
            Rebuild();
        }
        else if (_runX >= _xs.Length || _runY >= _xs.Length)
        {
            // One side is constant over the window: about that value its deviations, and every product, are exactly zero.
            if (_runX >= _xs.Length)
                _x.Reset(x);
            if (_runY >= _xs.Length)
                _y.Reset(y);
            _products = 0;
        }
    }

    private void Leave(double x, double y)
    {
        if (double.IsNaN(x))
        {
            _invalid--;
            return;
        }
        _x.Remove(x);
        _y.Remove(y);
        _products -= (x - _x.Centre) * (y - _y.Centre);
    }

    /// <summary>Recomputes every sum from the window's pairs, about their means (exactly about a constant side).</summary>
    private void Rebuild()
    {
        var xs = _xs.AsSpan(0, _count);
        var ys = _ys.AsSpan(0, _count);
        _x.Rebuild(xs);
        _y.Rebuild(ys);
        _products = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            if (!double.IsNaN(xs[i]))
                _products += (xs[i] - _x.Centre) * (ys[i] - _y.Centre);
        }
        _sinceRebuild = 0;
    }
}

namespace Meridian.Grains.Models.Features;

/// <summary>
/// Running Σ(x − c) and Σ(x − c)² of a window's values about a centre c set near their mean, so that the sum of squared
/// deviations Σ(x − mean)² = Σ(x − c)² − (Σ(x − c))² / n does not cancel away the way raw Σx² − (Σx)² / n does on prices
/// of 100 moving by cents. The owner rebuilds them (<see cref="Rebuild"/>: c the window's mean, its values re-added)
/// once a window, and early when <see cref="Worn"/>.
/// </summary>
internal struct CentredSums
{
    /// <summary>
    /// Rebuild once the sum of squared deviations has shrunk below this share of the largest Σ(x − c)² since the last
    /// rebuild. Each of the at most 2 × window additions and removals since then rounds by about 1e-16 of that largest
    /// value, so what is left stays good to about 2e-13 × window relative; left alone, a window gone quiet after a
    /// violent one would read rounding noise as its deviation.
    /// </summary>
    private const double Shrink = 1e-3;

    /// <summary>The centre c the sums are taken about.</summary>
    public double Centre { get; private set; }

    /// <summary>Σ(x − c).</summary>
    public double Sum { get; private set; }

    /// <summary>Σ(x − c)².</summary>
    private double _squares;

    /// <summary>The largest <see cref="_squares"/> since the last rebuild.</summary>
    private double _peak;

    public void Add(double value)
    {
        var deviation = value - Centre;
        Sum += deviation;
        _squares += deviation * deviation;
        if (_squares > _peak)
            _peak = _squares;
    }

    public void Remove(double value)
    {
        var deviation = value - Centre;
        Sum -= deviation;
        _squares -= deviation * deviation;
    }

    /// <summary>Σ(x − mean)² over <paramref name="count"/> values (never below zero).</summary>
    public readonly double Deviations(int count) => Math.Max(0, _squares - (Sum * Sum / count));

    /// <summary>True when the sums should be rebuilt about the window's current mean.</summary>
    public readonly bool Worn(int count) => count > 0 && Deviations(count) < Shrink * _peak;

    /// <summary>Starts again about <paramref name="centre"/>, with no values.</summary>
    public void Reset(double centre)
    {
        Centre = centre;
        Sum = 0;
        _squares = 0;
        _peak = 0;
    }

    /// <summary>
    /// Starts again about the mean of the finite <paramref name="values"/>, with exactly those values in; when they are all
    /// equal, about that value itself, so the sums are exactly zero (their mean, summed and divided, could be an ulp off).
    /// </summary>
    public void Rebuild(ReadOnlySpan<double> values)
    {
        var total = 0.0;
        var count = 0;
        var (low, high) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                total += value;
                count++;
                low = Math.Min(low, value);
                high = Math.Max(high, value);
            }
        }
        if (count == 0 || low == high)
        {
            Reset(count == 0 ? 0 : low);
            return;
        }
        Reset(total / count);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
                Add(value);
        }
    }
}

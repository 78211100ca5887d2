namespace Meridian.Grains.Models.Features;

/// <summary>
/// An exponential average seeded by the simple average of its first <c>window</c> values, then value += α(x − value):
/// the EMA with α = 2 / (window + 1) and Wilder's smoothing with α = 1 / window.
/// </summary>
internal sealed class SeededAverage
{
    private readonly int _window;
    private readonly double _alpha;
    private double _seedSum;
    private int _seen;

    private SeededAverage(int window, double alpha)
    {
        _window = window;
        _alpha = alpha;
    }

    /// <summary>True once the seed is taken (<c>window</c> values in).</summary>
    public bool Ready => _seen == _window;

    /// <summary>The average after the last value.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>The EMA: α = 2 / (window + 1).</summary>
    public static SeededAverage Exponential(int window) => new(window, 2.0 / (window + 1));

    /// <summary>Wilder's smoothing (RSI, ATR): α = 1 / window.</summary>
    public static SeededAverage Wilder(int window) => new(window, 1.0 / window);

    public void Push(double value)
    {
        if (_seen == _window)
        {
            Value += _alpha * (value - Value);
            return;
        }
        _seedSum += value;
        if (++_seen == _window)
            Value = _seedSum / _window;
    }
}

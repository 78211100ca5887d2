namespace Meridian.Grains.Models.Serving;

/// <summary>
/// One symbol's most recent bars as doubles, oldest first, in a ring of fixed capacity: what a Model grain replays
/// into a feature set it has not computed before (after a promotion or a reactivation) and reads labels from.
/// </summary>
public sealed class BarHistory
{
    /// <summary>Bars kept per symbol: four times Alpha158's longest window, so a new feature set warms up from history alone.</summary>
    public const int Capacity = 256;

    /// <summary>Bar open times (UTC ticks) in the ring.</summary>
    public long[] Times { get; set; } = new long[Capacity];

    /// <summary>Opens in the ring.</summary>
    public double[] Open { get; set; } = new double[Capacity];

    /// <summary>Highs in the ring.</summary>
    public double[] High { get; set; } = new double[Capacity];

    /// <summary>Lows in the ring.</summary>
    public double[] Low { get; set; } = new double[Capacity];

    /// <summary>Closes in the ring.</summary>
    public double[] Close { get; set; } = new double[Capacity];

    /// <summary>Volumes in the ring.</summary>
    public double[] Volume { get; set; } = new double[Capacity];

    /// <summary>Bars ever added; bar n (from 0) is at n % <see cref="Capacity"/> while it is kept.</summary>
    public long Added { get; set; }

    /// <summary>Bars kept.</summary>
    public int Count => (int)Math.Min(Added, Capacity);

    /// <summary>The open time of the newest bar, or <see cref="long.MinValue"/> when there is none.</summary>
    public long LastTime => Added == 0 ? long.MinValue : Times[(int)((Added - 1) % Capacity)];

    /// <summary>Adds the newest bar.</summary>
    public void Add(long time, double open, double high, double low, double close, double volume)
    {
        var slot = (int)(Added % Capacity);
        Times[slot] = time;
        Open[slot] = open;
        High[slot] = high;
        Low[slot] = low;
        Close[slot] = close;
        Volume[slot] = volume;
        Added++;
    }

    /// <summary>The ring slot of the kept bar <paramref name="age"/> bars before the newest (0 = newest).</summary>
    public int Slot(int age) => (int)((Added - 1 - age) % Capacity);

    /// <summary>
    /// The sample standard deviation of the last <paramref name="returns"/> close-to-close returns, or NaN when fewer
    /// bars are kept.
    /// </summary>
    public double Volatility(int returns)
    {
        if (Count < returns + 1)
            return double.NaN;
        double sum = 0, sumSquares = 0;
        for (var age = 0; age < returns; age++)
        {
            var r = (Close[Slot(age)] / Close[Slot(age + 1)]) - 1.0;
            sum += r;
            sumSquares += r * r;
        }
        var mean = sum / returns;
        return Math.Sqrt(Math.Max(0.0, (sumSquares - (returns * mean * mean)) / (returns - 1)));
    }

    /// <summary>
    /// The label of a score made at <paramref name="scoredAt"/>: close of the second bar opening at or after it over
    /// the close of the first, minus one (Qlib's forward return from t+1 to t+2); null until both are kept.
    /// </summary>
    public double? ForwardReturn(long scoredAt)
    {
        for (var age = Count - 1; age >= 1; age--)
        {
            var first = Slot(age);
            if (Times[first] >= scoredAt)
                return (Close[Slot(age - 1)] / Close[first]) - 1.0;
        }
        return null;
    }
}

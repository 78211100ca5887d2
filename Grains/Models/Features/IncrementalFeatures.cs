using Meridian.Grains.MarketData;

namespace Meridian.Grains.Models.Features;

/// <summary>
/// One symbol's features, updated bar by bar as the Model grain runs live: each window's rolling state (running sums,
/// monotonic deques, a sorted window) is kept up in O(1) or O(window) per bar, without allocating. After a bar the values
/// equal <see cref="BatchFeatures"/>' row for it (docs/features.md). Not thread-safe: one instance per symbol.
/// </summary>
public sealed class IncrementalFeatures
{
    private readonly FeatureDefinition[] _definitions;
    private readonly int[] _warmUps;

    /// <summary>The window state each feature reads (null for one bar's features and MACD).</summary>
    private readonly WindowState?[] _windowOf;

    private readonly WindowState[] _windows;
    private readonly MacdState? _macd;
    private readonly CloseHistory _closes;
    private readonly double[] _values;
    private double _previousClose;
    private double _previousVolume;

    /// <summary>Features of <paramref name="set"/> over no bars yet.</summary>
    public IncrementalFeatures(FeatureSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Set = set;
        _definitions = set.Definitions;
        _warmUps = [.. _definitions.Select(d => d.WarmUp)];
        _values = new double[_definitions.Length];
        Array.Fill(_values, double.NaN);
        _closes = new CloseHistory(_definitions.Where(d => d.Kind is FeatureKind.Roc or FeatureKind.Rocp).Select(d => d.Window).DefaultIfEmpty(0).Max());
        var windows = _definitions
            .Where(d => d.Window > 0)
            .GroupBy(d => d.Window)
            .ToDictionary(g => g.Key, g => new WindowState(g.Key, g.Select(d => d.Kind).ToHashSet(), _closes));
        _windows = [.. windows.Values];
        _windowOf = [.. _definitions.Select(d => d.Window > 0 ? windows[d.Window] : null)];
        if (_definitions.Any(d => d.Kind is FeatureKind.Macd or FeatureKind.MacdSignal or FeatureKind.MacdHistogram))
            _macd = new MacdState();
    }

    /// <summary>What is computed.</summary>
    public FeatureSet Set { get; }

    /// <summary>Bars taken in.</summary>
    public int BarsSeen { get; private set; }

    /// <summary>True once every feature is defined (<see cref="FeatureSet.WarmUp"/> bars seen).</summary>
    public bool IsWarm => BarsSeen >= Set.WarmUp;

    /// <summary>
    /// The features after the last bar, in <see cref="FeatureSet.Names"/> order; NaN where not defined (before the
    /// feature's warm-up, or where docs/features.md says so). Overwritten by the next <see cref="Update(Bar)"/>.
    /// </summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>
    /// Takes in the next bar (bars in time order). Throws <see cref="Domain.InvalidInputException"/> for a price that
    /// is not above zero, a negative volume or a high below the low, and leaves the state as it was.
    /// </summary>
    public void Update(double open, double high, double low, double close, double volume)
    {
        if (!BarChecks.Pass(open, high, low, close, volume))
            BarChecks.Demand($"bar {BarsSeen + 1}", open, high, low, close, volume);
        Take(open, high, low, close, volume);
    }

    /// <summary>Takes in the next bar; a bad bar is refused naming its symbol and date.</summary>
    public void Update(Bar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var (open, high, low, close, volume) =
            ((double)bar.Open.Value, (double)bar.High.Value, (double)bar.Low.Value, (double)bar.Close.Value, (double)bar.Volume);
        if (!BarChecks.Pass(open, high, low, close, volume))
            BarChecks.Demand($"{bar.Symbol} bar of {BarChecks.DateOf(bar.Time, bar.Period)}", open, high, low, close, volume);
        Take(open, high, low, close, volume);
    }

    private void Take(double open, double high, double low, double close, double volume)
    {
        var bar = BarsSeen == 0
            ? new BarStep(BarsSeen, open, high, low, close, volume)
            : BarStep.After(BarsSeen, open, high, low, close, volume, _previousClose, _previousVolume);
        _closes.Push(close);
        foreach (var window in _windows)
            window.Push(bar);
        _macd?.Push(close);
        BarsSeen++;
        (_previousClose, _previousVolume) = (close, volume);
        for (var i = 0; i < _values.Length; i++)
        {
            var value = BarsSeen < _warmUps[i] ? double.NaN : ValueOf(i, bar);
            // Whatever is not a number (a division by a zero range Qlib leaves unguarded) is not defined.
            _values[i] = double.IsFinite(value) ? value : double.NaN;
        }
    }

    private double ValueOf(int feature, in BarStep bar)
    {
        var kind = _definitions[feature].Kind;
        if (_windowOf[feature] is { } window)
            return window.Value(kind, bar);
        if (_macd is not null && kind is FeatureKind.Macd or FeatureKind.MacdSignal or FeatureKind.MacdHistogram)
            return _macd.Value(kind, bar.Close);
        return OneBar(kind, bar);
    }

    /// <summary>Alpha158's candle features and prices over the close, from the bar alone.</summary>
    private static double OneBar(FeatureKind kind, in BarStep bar)
    {
        var (open, high, low, close) = (bar.Open, bar.High, bar.Low, bar.Close);
        var range = high - low + FeatureDefinition.Guard;
        return kind switch
        {
            FeatureKind.Kmid => (close - open) / open,
            FeatureKind.Klen => (high - low) / open,
            FeatureKind.Kmid2 => (close - open) / range,
            FeatureKind.Kup => (high - Math.Max(open, close)) / open,
            FeatureKind.Kup2 => (high - Math.Max(open, close)) / range,
            FeatureKind.Klow => (Math.Min(open, close) - low) / open,
            FeatureKind.Klow2 => (Math.Min(open, close) - low) / range,
            FeatureKind.Ksft => ((2 * close) - high - low) / open,
            FeatureKind.Ksft2 => ((2 * close) - high - low) / range,
            FeatureKind.Open0 => open / close,
            FeatureKind.High0 => high / close,
            FeatureKind.Low0 => low / close,
            FeatureKind.Vwap0 => (high + low + close) / 3 / close,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a feature of one bar"),
        };
    }
}

namespace Meridian.Grains.Models.Features;

/// <summary>MACD(12, 26, 9) kept up bar by bar: the line EMA12 − EMA26, its signal EMA9, both SMA-seeded.</summary>
internal sealed class MacdState
{
    private readonly SeededAverage _fast = SeededAverage.Exponential(FeatureDefinition.MacdFast);
    private readonly SeededAverage _slow = SeededAverage.Exponential(FeatureDefinition.MacdSlow);
    private readonly SeededAverage _signal = SeededAverage.Exponential(FeatureDefinition.MacdSignalWindow);
    private double _line = double.NaN;

    public void Push(double close)
    {
        _fast.Push(close);
        _slow.Push(close);
        if (!_slow.Ready)
            return;
        _line = _fast.Value - _slow.Value;
        _signal.Push(_line);
    }

    /// <summary>Feature <paramref name="kind"/> after the bar that closed at <paramref name="close"/>, over that close.</summary>
    public double Value(FeatureKind kind, double close) => kind switch
    {
        FeatureKind.Macd => _line / close,
        FeatureKind.MacdSignal => _signal.Value / close,
        FeatureKind.MacdHistogram => (_line - _signal.Value) / close,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a MACD feature"),
    };
}

using Meridian.Grains.MarketData;

namespace Meridian.Grains.Strategies.Alpha;

/// <summary>
/// The moving-average crossover. At each bar's close it takes SMA(fast) and SMA(slow) of the closes; once both
/// exist, fast crossing above slow (fast &gt; slow now, and the last non-zero fast - slow before was negative) is an
/// Up insight, and crossing below (the mirror rule) a Down insight. A bar where fast equals slow changes nothing.
/// Sums are kept exactly in decimals and compared without dividing: fast &gt; slow exactly when sum(fast) * slow &gt;
/// sum(slow) * fast.
/// </summary>
public sealed class SmaCrossAlpha : IAlphaModel
{
    private readonly int _fast;
    private readonly int _slow;
    private readonly Dictionary<string, SymbolSignal> _signals;

    /// <summary>Needs 1 &lt;= fast &lt; slow; remembers each symbol in <paramref name="signals"/>.</summary>
    public SmaCrossAlpha(int fast, int slow, Dictionary<string, SymbolSignal> signals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fast, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slow, fast);
        _fast = fast;
        _slow = slow;
        _signals = signals;
    }

    /// <inheritdoc />
    public void Update(Bar bar, List<Insight> insights)
    {
        ArgumentNullException.ThrowIfNull(bar);
        ArgumentNullException.ThrowIfNull(insights);
        if (!_signals.TryGetValue(bar.Symbol.Value, out var signal))
            _signals[bar.Symbol.Value] = signal = new SymbolSignal { Closes = new decimal[_slow] };
        Push(signal, bar.Close.Value);
        if (signal.Seen < _slow)
            return;
        var sign = (signal.FastSum * _slow).CompareTo(signal.SlowSum * _fast);
        if (sign == 0)
            return;
        if (sign > 0 && signal.LastSign < 0)
            insights.Add(new Insight(bar.Symbol, InsightDirection.Up, bar.End, bar.Close));
        else if (sign < 0 && signal.LastSign > 0)
            insights.Add(new Insight(bar.Symbol, InsightDirection.Down, bar.End, bar.Close));
        signal.LastSign = sign;
    }

    /// <summary>Adds a close to the ring and to both sums, taking out the closes that leave each window.</summary>
    private void Push(SymbolSignal signal, decimal close)
    {
        var seen = signal.Seen;
        var slot = (int)(seen % _slow);
        if (seen >= _fast)
            signal.FastSum -= signal.Closes[(int)((seen - _fast) % _slow)];
        if (seen >= _slow)
            signal.SlowSum -= signal.Closes[slot];
        signal.Closes[slot] = close;
        signal.FastSum += close;
        signal.SlowSum += close;
        signal.Seen = seen + 1;
    }
}

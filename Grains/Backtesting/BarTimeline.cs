using Meridian.Grains.MarketData;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Backtesting;

/// <summary>
/// Walks several symbols' series together, one time step at a time: each step is every bar that opens at the same
/// instant, in symbol order (the series are sorted by symbol once, so a step's order never depends on the input's).
/// </summary>
internal sealed class BarTimeline
{
    private readonly BarSeries[] _series;
    private readonly int[] _cursors;

    public BarTimeline(IReadOnlyList<BarSeries> series)
    {
        _series = [.. series.OrderBy(s => s.Symbol.Value, StringComparer.Ordinal)];
        _cursors = new int[_series.Length];
        for (var i = 1; i < _series.Length; i++)
        {
            if (_series[i].Symbol == _series[i - 1].Symbol)
                throw new ArgumentException($"symbol {_series[i].Symbol} is in the replay twice");
        }
        Total = _series.Sum(s => (long)s.Count);
    }

    /// <summary>Bars in all series together.</summary>
    public long Total { get; }

    /// <summary>The bars of the next time step (empty at the end), in symbol order.</summary>
    public List<Bar> Next()
    {
        var next = long.MaxValue;
        for (var i = 0; i < _series.Length; i++)
        {
            if (_cursors[i] < _series[i].Count)
                next = Math.Min(next, _series[i].Times[_cursors[i]]);
        }
        var bars = new List<Bar>();
        if (next == long.MaxValue)
            return bars;
        for (var i = 0; i < _series.Length; i++)
        {
            var cursor = _cursors[i];
            if (cursor < _series[i].Count && _series[i].Times[cursor] == next)
            {
                bars.Add(_series[i].BarAt(cursor));
                _cursors[i] = cursor + 1;
            }
        }
        return bars;
    }
}

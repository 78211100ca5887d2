using Meridian.Grains.Domain;

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// One symbol's bars in time order, held column by column (the layout the bar store reads and the replay walks).
/// Times are the bars' opens in UTC ticks; prices and volumes are exact decimals. A series is immutable once made.
/// </summary>
public sealed class BarSeries
{
    private readonly long[] _times;
    private readonly decimal[] _open;
    private readonly decimal[] _high;
    private readonly decimal[] _low;
    private readonly decimal[] _close;
    private readonly decimal[] _volume;

    /// <summary>Wraps the columns (all of one length, times strictly increasing); the arrays are owned by the series from now on.</summary>
    public BarSeries(Symbol symbol, TimeSpan period, long[] times, decimal[] open, decimal[] high, decimal[] low, decimal[] close, decimal[] volume)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(close);
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var count = times.Length;
        if (open.Length != count || high.Length != count || low.Length != count || close.Length != count || volume.Length != count)
            throw new ArgumentException($"bar series {symbol}: columns differ in length");
        for (var i = 1; i < count; i++)
        {
            if (times[i] <= times[i - 1])
                throw new ArgumentException($"bar series {symbol}: time {new DateTimeOffset(times[i], TimeSpan.Zero):O} is not after the bar before it");
        }
        Symbol = symbol;
        Period = period;
        _times = times;
        _open = open;
        _high = high;
        _low = low;
        _close = close;
        _volume = volume;
    }

    public Symbol Symbol { get; }

    /// <summary>The length of every bar (a day for daily bars).</summary>
    public TimeSpan Period { get; }

    public int Count => _times.Length;

    public ReadOnlySpan<long> Times => _times;

    public ReadOnlySpan<decimal> Open => _open;

    public ReadOnlySpan<decimal> High => _high;

    public ReadOnlySpan<decimal> Low => _low;

    public ReadOnlySpan<decimal> Close => _close;

    public ReadOnlySpan<decimal> Volume => _volume;

    /// <summary>When bar <paramref name="index"/> opens.</summary>
    public DateTimeOffset TimeAt(int index) => new(_times[index], TimeSpan.Zero);

    /// <summary>Bar <paramref name="index"/> as a message.</summary>
    public Bar BarAt(int index) => new(
        Symbol, TimeAt(index), Period,
        Price.Of(_open[index]), Price.Of(_high[index]), Price.Of(_low[index]), Price.Of(_close[index]), _volume[index]);

    /// <summary>The first index whose bar opens at or after <paramref name="time"/> (<see cref="Count"/> when none does).</summary>
    public int IndexAtOrAfter(DateTimeOffset time)
    {
        var index = Array.BinarySearch(_times, time.UtcTicks);
        return index >= 0 ? index : ~index;
    }
}

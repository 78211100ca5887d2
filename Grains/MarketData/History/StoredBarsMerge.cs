using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.MarketData.History;

/// <summary>Folds newly accepted bars into the bars already stored: a new bar replaces a stored one with the same open time.</summary>
internal static class StoredBarsMerge
{
    /// <summary>
    /// The union of <paramref name="stored"/> (or nothing) and <paramref name="accepted"/> (in strictly increasing
    /// time), in time order, and how many stored bars were replaced.
    /// </summary>
    public static (BarSeries Merged, int Replaced) Merge(Symbol symbol, TimeSpan period, BarSeries? stored, IReadOnlyList<SourceBar> accepted)
    {
        var old = stored?.Count ?? 0;
        var capacity = old + accepted.Count;
        var times = new long[capacity];
        var open = new decimal[capacity];
        var high = new decimal[capacity];
        var low = new decimal[capacity];
        var close = new decimal[capacity];
        var volume = new decimal[capacity];
        int i = 0, j = 0, n = 0, replaced = 0;
        while (i < old || j < accepted.Count)
        {
            var newTime = j < accepted.Count ? accepted[j].Time.UtcTicks : long.MaxValue;
            var oldTime = i < old ? stored!.Times[i] : long.MaxValue;
            if (oldTime < newTime)
            {
                times[n] = oldTime;
                open[n] = stored!.Open[i];
                high[n] = stored.High[i];
                low[n] = stored.Low[i];
                close[n] = stored.Close[i];
                volume[n] = stored.Volume[i];
                i++;
            }
            else
            {
                if (oldTime == newTime)
                {
                    replaced++;
                    i++;
                }
                var bar = accepted[j++];
                times[n] = newTime;
                open[n] = bar.Open;
                high[n] = bar.High;
                low[n] = bar.Low;
                close[n] = bar.Close;
                volume[n] = bar.Volume;
            }
            n++;
        }
        return (new BarSeries(symbol, period, times[..n], open[..n], high[..n], low[..n], close[..n], volume[..n]), replaced);
    }
}

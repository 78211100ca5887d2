using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Models.Features;

/// <summary>How labels are made: Qlib's default forward return from t+1 to t+2, optionally normalized across symbols per time.</summary>
public enum LabelNormalization
{
    /// <summary>The raw forward return.</summary>
    None,

    /// <summary>Minus the cross-sectional mean, divided by the cross-sectional standard deviation, per time.</summary>
    ZScore,

    /// <summary>The cross-sectional percentile rank in [0, 1], per time (ties share their mean rank).</summary>
    Rank,
}

/// <summary>Turns bar series into a <see cref="Dataset"/> of features (<see cref="BatchFeatures"/>) and labels.</summary>
public static class DatasetBuilder
{
    /// <summary>
    /// One row per symbol and bar from the set's warm-up on (bar index WarmUp − 1 of each series), ordered by time then
    /// symbol (ordinal); label = close[t+2] / close[t+1] − 1, Qlib's Ref($close, -2)/Ref($close, -1) - 1 (NaN for the
    /// last two bars of a series), normalized as asked across the symbols of each time. Series may cover different
    /// dates. Throws <see cref="InvalidInputException"/> naming the symbol for a series shorter than the warm-up or with
    /// a bad bar (and its date), and for a symbol given two series.
    /// </summary>
    public static Dataset Build(FeatureSet set, IReadOnlyList<BarSeries> series, LabelNormalization normalization = LabelNormalization.None)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Any(s => s is null))
            throw new ArgumentException("a bar series in the list is null", nameof(series));
        var repeated = series.GroupBy(s => s.Symbol.Value, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (repeated.Count > 0)
        {
            throw new InvalidInputException("dataset", [.. repeated.Select(g => new FieldError(
                "series", $"{g.Key} has {g.Count()} bar series; give each symbol one series covering all its dates"))]);
        }

        // Every series is checked first, so a bad one is refused as itself rather than inside an AggregateException.
        foreach (var one in series)
            BarChecks.Demand(one, set.WarmUp);
        var features = new double[series.Count][];
        Parallel.For(0, series.Count, s => features[s] = BatchFeatures.Compute(set, series[s]));
        var rows = Rows(series, set.WarmUp);
        var width = set.Count;
        var values = new double[rows.Length * width];
        var labels = new double[rows.Length];
        var times = new DateTimeOffset[rows.Length];
        var symbols = new Symbol[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var (s, t) = rows[r];
            features[s].AsSpan(t * width, width).CopyTo(values.AsSpan(r * width, width));
            labels[r] = Label(series[s], t);
            times[r] = series[s].TimeAt(t);
            symbols[r] = series[s].Symbol;
        }
        NormalizePerTime(labels, times, normalization);
        return new Dataset(set.Names, values, labels, times, symbols);
    }

    /// <summary>The labels of <paramref name="data"/> normalized as asked across the symbols of each time (a copy; the data is untouched).</summary>
    public static double[] Normalized(Dataset data, LabelNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labels = data.Labels.ToArray();
        NormalizePerTime(labels, data.Times, normalization);
        return labels;
    }

    private static void NormalizePerTime(double[] labels, ReadOnlySpan<DateTimeOffset> times, LabelNormalization normalization)
    {
        for (var first = 0; first < labels.Length;)
        {
            var end = first + 1;
            while (end < labels.Length && times[end] == times[first])
                end++;
            CrossSection.Normalize(labels.AsSpan(first, end - first), normalization);
            first = end;
        }
    }

    /// <summary>(series, bar) of every row, from each series' warm-up on, by time then symbol.</summary>
    private static (int Series, int Bar)[] Rows(IReadOnlyList<BarSeries> series, int warmUp)
    {
        var rows = new List<(int Series, int Bar)>();
        for (var s = 0; s < series.Count; s++)
        {
            for (var t = warmUp - 1; t < series[s].Count; t++)
                rows.Add((s, t));
        }
        rows.Sort((a, b) =>
        {
            var byTime = series[a.Series].Times[a.Bar].CompareTo(series[b.Series].Times[b.Bar]);
            return byTime != 0 ? byTime : string.CompareOrdinal(series[a.Series].Symbol.Value, series[b.Series].Symbol.Value);
        });
        return [.. rows];
    }

    /// <summary>close[t+2] / close[t+1] − 1: bought at the next bar's close, sold a bar later; NaN for the last two bars.</summary>
    private static double Label(BarSeries series, int t) =>
        t + 2 < series.Count ? ((double)series.Close[t + 2] / (double)series.Close[t + 1]) - 1 : double.NaN;
}

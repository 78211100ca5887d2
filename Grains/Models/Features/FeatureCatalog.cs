namespace Meridian.Grains.Models.Features;

/// <summary>Every feature this library computes, by name: Qlib's Alpha158 in Qlib's column order, then the indicators.</summary>
internal static class FeatureCatalog
{
    /// <summary>Alpha158's rolling windows.</summary>
    private static readonly int[] s_windows = [5, 10, 20, 30, 60];

    /// <summary>Alpha158's rolling operators, in Qlib's order (its loader names Min's switch "LOW" but the columns MIN).</summary>
    private static readonly (string Prefix, FeatureKind Kind)[] s_rolling =
    [
        ("ROC", FeatureKind.Roc), ("MA", FeatureKind.Ma), ("STD", FeatureKind.Std), ("BETA", FeatureKind.Beta),
        ("RSQR", FeatureKind.Rsqr), ("RESI", FeatureKind.Resi), ("MAX", FeatureKind.Max), ("MIN", FeatureKind.Min),
        ("QTLU", FeatureKind.Qtlu), ("QTLD", FeatureKind.Qtld), ("RANK", FeatureKind.Rank), ("RSV", FeatureKind.Rsv),
        ("IMAX", FeatureKind.Imax), ("IMIN", FeatureKind.Imin), ("IMXD", FeatureKind.Imxd), ("CORR", FeatureKind.Corr),
        ("CORD", FeatureKind.Cord), ("CNTP", FeatureKind.Cntp), ("CNTN", FeatureKind.Cntn), ("CNTD", FeatureKind.Cntd),
        ("SUMP", FeatureKind.Sump), ("SUMN", FeatureKind.Sumn), ("SUMD", FeatureKind.Sumd), ("VMA", FeatureKind.Vma),
        ("VSTD", FeatureKind.Vstd), ("WVMA", FeatureKind.Wvma), ("VSUMP", FeatureKind.Vsump), ("VSUMN", FeatureKind.Vsumn),
        ("VSUMD", FeatureKind.Vsumd),
    ];

    /// <summary>Qlib's Alpha158: 9 candle features, 4 prices over the close, 29 rolling operators × 5 windows.</summary>
    public static FeatureDefinition[] Alpha158 { get; } = BuildAlpha158();

    /// <summary>The standard indicators, price levels taken relative to the close (docs/features.md).</summary>
    public static FeatureDefinition[] Indicators { get; } =
    [
        new("SMA10", FeatureKind.Sma, 10), new("SMA20", FeatureKind.Sma, 20), new("SMA50", FeatureKind.Sma, 50),
        new("EMA10", FeatureKind.Ema, 10), new("EMA20", FeatureKind.Ema, 20), new("EMA50", FeatureKind.Ema, 50),
        new("RSI14", FeatureKind.Rsi, 14), new("ATR14", FeatureKind.Atr, 14),
        new("MACD", FeatureKind.Macd, 0),
        new("MACD_SIGNAL", FeatureKind.MacdSignal, 0),
        new("MACD_HIST", FeatureKind.MacdHistogram, 0),
        new("BB_UPPER20", FeatureKind.BollingerUpper, 20), new("BB_LOWER20", FeatureKind.BollingerLower, 20),
        new("BB_PCTB20", FeatureKind.BollingerPercentB, 20), new("BB_WIDTH20", FeatureKind.BollingerWidth, 20),
        new("ROCP10", FeatureKind.Rocp, 10),
    ];

    // Declared after both lists: static initializers run in text order.
    private static readonly Dictionary<string, FeatureDefinition> s_byName =
        Alpha158.Concat(Indicators).ToDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The feature called <paramref name="name"/> (exactly, upper case), if there is one.</summary>
    public static bool TryFind(string name, out FeatureDefinition definition) => s_byName.TryGetValue(name, out definition);

    private static FeatureDefinition[] BuildAlpha158()
    {
        var definitions = new List<FeatureDefinition>
        {
            new("KMID", FeatureKind.Kmid, 0), new("KLEN", FeatureKind.Klen, 0), new("KMID2", FeatureKind.Kmid2, 0),
            new("KUP", FeatureKind.Kup, 0), new("KUP2", FeatureKind.Kup2, 0), new("KLOW", FeatureKind.Klow, 0),
            new("KLOW2", FeatureKind.Klow2, 0), new("KSFT", FeatureKind.Ksft, 0), new("KSFT2", FeatureKind.Ksft2, 0),
            new("OPEN0", FeatureKind.Open0, 0), new("HIGH0", FeatureKind.High0, 0), new("LOW0", FeatureKind.Low0, 0),
            new("VWAP0", FeatureKind.Vwap0, 0),
        };
        foreach (var (prefix, kind) in s_rolling)
        {
            foreach (var window in s_windows)
                definitions.Add(new FeatureDefinition($"{prefix}{window}", kind, window));
        }
        return [.. definitions];
    }
}

using static Meridian.Grains.Models.Features.Columns;
using static Meridian.Grains.Models.Features.FeatureDefinition;
using W = Meridian.Grains.Models.Features.WindowFunctions;

namespace Meridian.Grains.Models.Features;

/// <summary>The standard indicators over a whole series, from their textbook definitions (docs/features.md).</summary>
internal static class IndicatorColumns
{
    public static double[] Compute(FeatureDefinition feature, Columns bars)
    {
        var close = bars.Close;
        var n = feature.Window;
        return feature.Kind switch
        {
            FeatureKind.Sma => RelativeToClose(Rolling(close, n, W.Mean), close),
            FeatureKind.Ema => RelativeToClose(Ema(close, n), close),
            FeatureKind.Rsi => Rsi(close, n),
            FeatureKind.Atr => Div(Wilder(TrueRange(bars), n), close),
            FeatureKind.Macd => Div(MacdLine(close), close),
            FeatureKind.MacdSignal => Div(Ema(MacdLine(close), MacdSignalWindow), close),
            FeatureKind.MacdHistogram => Div(Zip(MacdLine(close), Ema(MacdLine(close), MacdSignalWindow), (line, signal) => line - signal), close),
            FeatureKind.BollingerUpper => RelativeToClose(Band(close, n, +BollingerDeviations), close),
            FeatureKind.BollingerLower => RelativeToClose(Band(close, n, -BollingerDeviations), close),
            FeatureKind.BollingerPercentB => Zip(
                Zip(close, Band(close, n, -BollingerDeviations), (c, lower) => c - lower),
                Zip(Band(close, n, +BollingerDeviations), Band(close, n, -BollingerDeviations), (upper, lower) => upper - lower),
                (above, width) => above / width),
            FeatureKind.BollingerWidth => Zip(
                Zip(Band(close, n, +BollingerDeviations), Band(close, n, -BollingerDeviations), (upper, lower) => upper - lower),
                Rolling(close, n, W.Mean),
                (width, middle) => width / middle),
            FeatureKind.Rocp => Map(Div(close, Ref(close, n)), ratio => ratio - 1),
            _ => throw new ArgumentOutOfRangeException(nameof(feature), feature.Kind, "not an indicator"),
        };
    }

    /// <summary>x / close − 1: a price level as its distance from the close.</summary>
    private static double[] RelativeToClose(double[] level, double[] close) => Zip(level, close, (x, c) => (x / c) - 1);

    /// <summary>
    /// The EMA with α = 2 / (n + 1) from the first defined value on: at the n-th defined value the mean of the first n,
    /// then α·x + (1 − α)·previous.
    /// </summary>
    private static double[] Ema(double[] x, int n)
    {
        var alpha = 2.0 / (n + 1);
        return Seeded(x, n, (previous, value) => (alpha * value) + ((1 - alpha) * previous));
    }

    /// <summary>Wilder's smoothing: the mean of the first n defined values, then (previous·(n − 1) + x) / n.</summary>
    private static double[] Wilder(double[] x, int n) => Seeded(x, n, (previous, value) => ((previous * (n - 1)) + value) / n);

    private static double[] Seeded(double[] x, int n, Func<double, double, double> next)
    {
        var column = new double[x.Length];
        Array.Fill(column, double.NaN);
        var first = Array.FindIndex(x, v => !double.IsNaN(v));
        if (first < 0 || first + n > x.Length)
            return column;
        var seed = first + n - 1;
        column[seed] = W.Mean(x.AsSpan(first, n));
        for (var t = seed + 1; t < x.Length; t++)
            column[t] = next(column[t - 1], x[t]);
        return column;
    }

    /// <summary>100 · average gain / (average gain + average loss), both Wilder-smoothed: 100 − 100 / (1 + RS) without dividing by a zero loss.</summary>
    private static double[] Rsi(double[] close, int n)
    {
        var change = Zip(close, Ref(close, 1), (now, before) => now - before);
        var gains = Wilder(Map(change, c => Math.Max(c, 0)), n);
        var losses = Wilder(Map(change, c => Math.Max(-c, 0)), n);
        return Zip(gains, losses, (gain, loss) => 100 * gain / (gain + loss));
    }

    /// <summary>max(high − low, |high − previous close|, |low − previous close|), from the second bar.</summary>
    private static double[] TrueRange(Columns bars)
    {
        var (high, low, close) = (bars.High, bars.Low, bars.Close);
        return bars.Each(t => t == 0
            ? double.NaN
            : Math.Max(high[t] - low[t], Math.Max(Math.Abs(high[t] - close[t - 1]), Math.Abs(low[t] - close[t - 1]))));
    }

    private static double[] MacdLine(double[] close) =>
        Zip(Ema(close, MacdFast), Ema(close, MacdSlow), (fast, slow) => fast - slow);

    /// <summary>SMA(n) + <paramref name="deviations"/> population standard deviations.</summary>
    private static double[] Band(double[] close, int n, double deviations) =>
        Zip(Rolling(close, n, W.Mean), Rolling(close, n, W.PopulationStd), (middle, std) => middle + (deviations * std));
}

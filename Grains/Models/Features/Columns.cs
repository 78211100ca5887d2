using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Models.Features;

/// <summary>
/// A series' bars as double columns, and Qlib's expression operators over whole columns: the batch features are
/// written with these the way Qlib's loader writes Alpha158 (Mean($close, 5)/$close becomes
/// <c>Div(Rolling(Close, 5, Mean), Close)</c>).
/// </summary>
internal sealed class Columns
{
    public Columns(BarSeries series)
    {
        Open = ToDoubles(series.Open);
        High = ToDoubles(series.High);
        Low = ToDoubles(series.Low);
        Close = ToDoubles(series.Close);
        Volume = ToDoubles(series.Volume);
    }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    public int Count => Close.Length;

    /// <summary>A column of <paramref name="value"/>(t) for every bar t.</summary>
    public double[] Each(Func<int, double> value)
    {
        var column = new double[Count];
        for (var t = 0; t < column.Length; t++)
            column[t] = value(t);
        return column;
    }

    /// <summary>Qlib's Ref(x, d): the value <paramref name="lag"/> bars back; NaN before there was one.</summary>
    public static double[] Ref(double[] x, int lag)
    {
        var column = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
            column[t] = t >= lag ? x[t - lag] : double.NaN;
        return column;
    }

    /// <summary>
    /// <paramref name="statistic"/> of each full window of <paramref name="window"/> values ending at t; NaN until the
    /// window is full and wherever it holds a NaN (unlike Qlib's min_periods=1: see docs/features.md).
    /// </summary>
    public static double[] Rolling(double[] x, int window, Func<ReadOnlySpan<double>, double> statistic)
    {
        var column = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            var values = t + 1 >= window ? x.AsSpan(t + 1 - window, window) : default;
            column[t] = values.IsEmpty || values.Contains(double.NaN) ? double.NaN : statistic(values);
        }
        return column;
    }

    /// <summary><see cref="Rolling(double[], int, Func{ReadOnlySpan{double}, double})"/> over pairs of windows.</summary>
    public static double[] Rolling(double[] x, double[] y, int window, Func<ReadOnlySpan<double>, ReadOnlySpan<double>, double> statistic)
    {
        var column = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            var from = t + 1 - window;
            column[t] = from < 0 || x.AsSpan(from, window).Contains(double.NaN) || y.AsSpan(from, window).Contains(double.NaN)
                ? double.NaN
                : statistic(x.AsSpan(from, window), y.AsSpan(from, window));
        }
        return column;
    }

    /// <summary>Element by element x / y.</summary>
    public static double[] Div(double[] x, double[] y) => Zip(x, y, (a, b) => a / b);

    /// <summary>Element by element <paramref name="combine"/>(x, y).</summary>
    public static double[] Zip(double[] x, double[] y, Func<double, double, double> combine)
    {
        var column = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
            column[t] = combine(x[t], y[t]);
        return column;
    }

    /// <summary>Element by element <paramref name="map"/>(x).</summary>
    public static double[] Map(double[] x, Func<double, double> map)
    {
        var column = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
            column[t] = map(x[t]);
        return column;
    }

    private static double[] ToDoubles(ReadOnlySpan<decimal> values)
    {
        var column = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
            column[i] = (double)values[i];
        return column;
    }
}

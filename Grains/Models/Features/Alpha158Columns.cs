using static Meridian.Grains.Models.Features.Columns;
using static Meridian.Grains.Models.Features.FeatureDefinition;
using W = Meridian.Grains.Models.Features.WindowFunctions;

namespace Meridian.Grains.Models.Features;

/// <summary>
/// Alpha158's columns written as Qlib's loader writes them (qlib/contrib/data/loader.py, Alpha158DL), one expression
/// each; $vwap is the typical price (high + low + close) / 3, since bars carry no VWAP.
/// </summary>
internal static class Alpha158Columns
{
    public static double[] Compute(FeatureDefinition feature, Columns bars)
    {
        var (open, high, low, close, volume) = (bars.Open, bars.High, bars.Low, bars.Close, bars.Volume);
        var d = feature.Window;
        return feature.Kind switch
        {
            // ($close-$open)/$open, ($high-$low)/$open, ($close-$open)/($high-$low+1e-12), ...
            FeatureKind.Kmid => bars.Each(t => (close[t] - open[t]) / open[t]),
            FeatureKind.Klen => bars.Each(t => (high[t] - low[t]) / open[t]),
            FeatureKind.Kmid2 => bars.Each(t => (close[t] - open[t]) / (high[t] - low[t] + Guard)),
            FeatureKind.Kup => bars.Each(t => (high[t] - Math.Max(open[t], close[t])) / open[t]),
            FeatureKind.Kup2 => bars.Each(t => (high[t] - Math.Max(open[t], close[t])) / (high[t] - low[t] + Guard)),
            FeatureKind.Klow => bars.Each(t => (Math.Min(open[t], close[t]) - low[t]) / open[t]),
            FeatureKind.Klow2 => bars.Each(t => (Math.Min(open[t], close[t]) - low[t]) / (high[t] - low[t] + Guard)),
            FeatureKind.Ksft => bars.Each(t => ((2 * close[t]) - high[t] - low[t]) / open[t]),
            FeatureKind.Ksft2 => bars.Each(t => ((2 * close[t]) - high[t] - low[t]) / (high[t] - low[t] + Guard)),
            FeatureKind.Open0 => Div(open, close),
            FeatureKind.High0 => Div(high, close),
            FeatureKind.Low0 => Div(low, close),
            FeatureKind.Vwap0 => Div(bars.Each(t => (high[t] + low[t] + close[t]) / 3), close),

            // Ref($close, d)/$close, Mean($close, d)/$close, Std($close, d)/$close, Slope, Rsquare, Resi
            FeatureKind.Roc => Div(Ref(close, d), close),
            FeatureKind.Ma => Div(Rolling(close, d, W.Mean), close),
            FeatureKind.Std => Div(Rolling(close, d, W.SampleStd), close),
            FeatureKind.Beta => Div(Rolling(close, d, W.Slope), close),
            FeatureKind.Rsqr => Rolling(close, d, W.RSquared),
            FeatureKind.Resi => Div(Rolling(close, d, W.Residual), close),

            // Max($high, d)/$close, Min($low, d)/$close, Quantile($close, d, 0.8)/$close, Rank($close, d)
            FeatureKind.Max => Div(Rolling(high, d, W.Max), close),
            FeatureKind.Min => Div(Rolling(low, d, W.Min), close),
            FeatureKind.Qtlu => Div(Rolling(close, d, w => W.Quantile(w, 0.8)), close),
            FeatureKind.Qtld => Div(Rolling(close, d, w => W.Quantile(w, 0.2)), close),
            FeatureKind.Rank => Rolling(close, d, W.PercentRank),

            // ($close-Min($low, d))/(Max($high, d)-Min($low, d)+1e-12); IdxMax($high, d)/d; IdxMin($low, d)/d
            FeatureKind.Rsv => Rsv(close, Rolling(high, d, W.Max), Rolling(low, d, W.Min)),
            FeatureKind.Imax => Map(Rolling(high, d, W.IdxMax), x => x / d),
            FeatureKind.Imin => Map(Rolling(low, d, W.IdxMin), x => x / d),
            FeatureKind.Imxd => Zip(Rolling(high, d, W.IdxMax), Rolling(low, d, W.IdxMin), (x, y) => (x - y) / d),

            // Corr($close, Log($volume+1), d); Corr($close/Ref($close,1), Log($volume/Ref($volume, 1)+1), d)
            FeatureKind.Corr => Rolling(close, Map(volume, v => Math.Log(v + 1)), d, W.Correlation),
            FeatureKind.Cord => Rolling(Div(close, Ref(close, 1)), LogVolumeRatio(volume), d, W.Correlation),

            // Mean($close>Ref($close, 1), d), Mean($close<Ref($close, 1), d), and their difference
            FeatureKind.Cntp => Rolling(Compare(close, (now, before) => now > before), d, W.Mean),
            FeatureKind.Cntn => Rolling(Compare(close, (now, before) => now < before), d, W.Mean),
            FeatureKind.Cntd => Zip(
                Rolling(Compare(close, (now, before) => now > before), d, W.Mean),
                Rolling(Compare(close, (now, before) => now < before), d, W.Mean),
                (up, down) => up - down),

            // Sum(Greater($close-Ref($close, 1), 0), d)/(Sum(Abs($close-Ref($close, 1)), d)+1e-12), and the same of $volume
            FeatureKind.Sump => ShareOfMoves(close, d, (up, _) => up),
            FeatureKind.Sumn => ShareOfMoves(close, d, (_, down) => down),
            FeatureKind.Sumd => ShareOfMoves(close, d, (up, down) => up - down),
            FeatureKind.Vsump => ShareOfMoves(volume, d, (up, _) => up),
            FeatureKind.Vsumn => ShareOfMoves(volume, d, (_, down) => down),
            FeatureKind.Vsumd => ShareOfMoves(volume, d, (up, down) => up - down),

            // Mean($volume, d)/($volume+1e-12), Std($volume, d)/($volume+1e-12): NaN on a zero-volume bar (see docs)
            FeatureKind.Vma => OverVolume(Rolling(volume, d, W.Mean), volume),
            FeatureKind.Vstd => OverVolume(Rolling(volume, d, W.SampleStd), volume),

            // Std(Abs($close/Ref($close, 1)-1)*$volume, d)/(Mean(Abs($close/Ref($close, 1)-1)*$volume, d)+1e-12)
            FeatureKind.Wvma => Wvma(close, volume, d),
            _ => throw new ArgumentOutOfRangeException(nameof(feature), feature.Kind, "not an Alpha158 feature"),
        };
    }

    private static double[] Rsv(double[] close, double[] highest, double[] lowest)
    {
        var column = new double[close.Length];
        for (var t = 0; t < column.Length; t++)
            column[t] = (close[t] - lowest[t]) / (highest[t] - lowest[t] + Guard);
        return column;
    }

    /// <summary>Log($volume/Ref($volume, 1)+1), NaN where the volume before was zero (an infinite or undefined ratio).</summary>
    private static double[] LogVolumeRatio(double[] volume) =>
        Map(Zip(volume, Ref(volume, 1), (now, before) => Math.Log((now / before) + 1)), x => double.IsFinite(x) ? x : double.NaN);

    /// <summary>1 where <paramref name="holds"/>(x, Ref(x, 1)), else 0; NaN on the first bar, which has no bar before it.</summary>
    private static double[] Compare(double[] x, Func<double, double, bool> holds) =>
        Zip(x, Ref(x, 1), (now, before) => double.IsNaN(before) ? double.NaN : holds(now, before) ? 1 : 0);

    /// <summary>
    /// <paramref name="share"/>(Sum(Greater(Δx, 0), d), Sum(Greater(-Δx, 0), d)) / (Sum(Abs(Δx), d) + 1e-12), Δx = x − Ref(x, 1).
    /// </summary>
    private static double[] ShareOfMoves(double[] x, int d, Func<double, double, double> share)
    {
        var change = Zip(x, Ref(x, 1), (now, before) => now - before);
        var ups = Rolling(Map(change, c => Math.Max(c, 0)), d, W.Sum);
        var downs = Rolling(Map(change, c => Math.Max(-c, 0)), d, W.Sum);
        var moves = Rolling(Map(change, Math.Abs), d, W.Sum);
        var column = new double[x.Length];
        for (var t = 0; t < column.Length; t++)
            column[t] = share(ups[t], downs[t]) / (moves[t] + Guard);
        return column;
    }

    private static double[] OverVolume(double[] statistic, double[] volume) =>
        Zip(statistic, volume, (value, v) => v == 0 ? double.NaN : value / (v + Guard));

    private static double[] Wvma(double[] close, double[] volume, int d)
    {
        var weighted = Zip(Map(Div(close, Ref(close, 1)), r => Math.Abs(r - 1)), volume, (move, v) => move * v);
        return Zip(Rolling(weighted, d, W.SampleStd), Rolling(weighted, d, W.Mean), (std, mean) => std / (mean + Guard));
    }
}

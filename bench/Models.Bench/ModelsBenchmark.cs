using System.Diagnostics;
using System.Globalization;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Synthetic;
using Meridian.Grains.Models;
using Meridian.Grains.Models.Features;
using Meridian.Grains.Models.Learning;

namespace Meridian.Bench;

/// <summary>
/// Three figures on one generated market (500 symbols x 5 years of daily bars by default):
/// <list type="bullet">
/// <item>features_bars_per_s: bars per second through <see cref="IncrementalFeatures"/> for Alpha158, one symbol after another on one thread, as the Model grain computes them live;</item>
/// <item>gbdt_train_s: seconds to train boosted trees (200 trees x 63 leaves, every tree: no early stopping) on the Alpha158 rows of the first 80% of the days, validating on the rest;</item>
/// <item>gbdt_predict_p50_us: the median time of one single-row prediction with that model over 158 features, each call timed alone.</item>
/// </list>
/// Building the training rows (batch features) is timed and printed but is not part of gbdt_train_s.
/// </summary>
internal static class ModelsBenchmark
{
    public static int Run(ModelsBenchOptions options)
    {
        var last = new DateOnly(2024, 12, 31);
        var market = SyntheticMarket.Generate(new SyntheticMarketSettings
        {
            SymbolCount = options.Symbols,
            Start = last.AddYears(-options.Years).AddDays(1),
            End = last,
        });
        var bars = market.Sum(s => (long)s.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"market: {options.Symbols} symbols x {options.Years} years = {bars:N0} daily bars"));

        IncrementalRate(market.Take(5).ToList());
        var featuresPerSecond = IncrementalRate(market);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"incremental Alpha158: {featuresPerSecond:N0} bars/s on one thread"));

        var clock = Stopwatch.StartNew();
        var data = DatasetBuilder.Build(FeatureSet.Alpha158, market, LabelNormalization.ZScore).Labelled();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dataset: {data.RowCount:N0} rows x {data.FeatureCount} features built in {clock.Elapsed.TotalSeconds:F1} s (batch features, all cores)"));
        var times = data.Times;
        var split = times[(int)(data.RowCount * 0.8)];
        var train = data.Between(times[0], split);
        var validation = data.Between(split, DateTimeOffset.MaxValue);

        var gbdt = new GbdtOptions { NumTrees = options.Trees, NumLeaves = options.Leaves, LearningRate = 0.05, EarlyStoppingRounds = 0, Seed = 1 };
        clock.Restart();
        var model = GradientBoosting.Train(train, validation, gbdt);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gbdt: {train.RowCount:N0} training rows, {options.Trees} trees x {options.Leaves} leaves in {trainSeconds:F1} s"));

        var p50 = PredictionMedian(model, validation, options.Predictions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"models: gbdt_predict_p50_us={p50:F2} gbdt_train_s={trainSeconds:F1} features_bars_per_s={featuresPerSecond:F0}"));
        return 0;
    }

    private static double IncrementalRate(IReadOnlyList<BarSeries> market)
    {
        var columns = market.Select(s => (
            Open: Doubles(s.Open), High: Doubles(s.High), Low: Doubles(s.Low), Close: Doubles(s.Close), Volume: Doubles(s.Volume))).ToList();
        var checksum = 0.0;
        long bars = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var (open, high, low, close, volume) in columns)
        {
            var features = new IncrementalFeatures(FeatureSet.Alpha158);
            for (var t = 0; t < close.Length; t++)
                features.Update(open[t], high[t], low[t], close[t], volume[t]);
            checksum += features.Values[0];
            bars += close.Length;
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return double.IsNaN(checksum) ? throw new InvalidOperationException("features were not warm at the end") : bars / seconds;
    }

    private static double[] Doubles(ReadOnlySpan<decimal> values)
    {
        var doubles = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
            doubles[i] = (double)values[i];
        return doubles;
    }

    private static double PredictionMedian(GbdtModel model, Dataset rows, int predictions)
    {
        var sink = 0.0;
        for (var i = 0; i < 20_000; i++)
            sink += model.Predict(rows.Row(i % rows.RowCount));
        var elapsed = new double[predictions];
        var tick = 1e6 / Stopwatch.Frequency;
        for (var i = 0; i < predictions; i++)
        {
            var row = rows.Row((int)((i * 7919L) % rows.RowCount));
            var start = Stopwatch.GetTimestamp();
            sink += model.Predict(row);
            elapsed[i] = (Stopwatch.GetTimestamp() - start) * tick;
        }
        Array.Sort(elapsed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"predict: p50 {elapsed[predictions / 2]:F2} us, p90 {elapsed[predictions * 9 / 10]:F2} us, p99 {elapsed[predictions * 99 / 100]:F2} us over {predictions:N0} single rows (checksum {sink:F3})"));
        return elapsed[predictions / 2];
    }
}

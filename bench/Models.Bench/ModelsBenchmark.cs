using System.Diagnostics;
using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.Models;
using Meridian.Grains.Models.Learning;

namespace Meridian.Bench;

/// <summary>
/// Boosted-trees training time on a random dataset the size of Alpha158 over 500 symbols and 5 years (no early
/// stopping: every tree is grown), then the latency of scoring one row with the trained model.
/// </summary>
internal static class ModelsBenchmark
{
    public static int Run(ModelsBenchOptions options)
    {
        var data = RandomDataset(options.Rows, options.Features, seed: 7);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data: {options.Rows:N0} rows x {options.Features} features, 1% NaN, label = a nonlinear signal of 6 features under 10x noise; {Environment.ProcessorCount} cores"));
        var gbdt = new GbdtOptions
        {
            NumTrees = options.Trees,
            NumLeaves = options.Leaves,
            FeatureFraction = options.FeatureFraction,
            BaggingFraction = options.BaggingFraction,
            BaggingFreq = options.BaggingFraction < 1 ? 1 : 0,
            EarlyStoppingRounds = 0,
        };

        var clock = Stopwatch.StartNew();
        var model = GradientBoosting.Train(data, null, gbdt);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained {model.TreeCount} trees of at most {options.Leaves} leaves in {trainSeconds:F1} s (feature_fraction {options.FeatureFraction}, bagging_fraction {options.BaggingFraction})"));

        var (p50, p99) = PredictLatency(model, data, options.Predictions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"models: train_s={trainSeconds:F1} trees={model.TreeCount} predict_p50_us={p50:F2} predict_p99_us={p99:F2}"));
        return 0;
    }

    /// <summary>
    /// Times single-row predictions, each of a random row first copied into one buffer, as a live feature row would be
    /// fresh in cache (a random row of the 800 MB dataset would time memory, not the trees); after a warm-up. Returns
    /// p50 and p99 in microseconds (the two timestamps add about 20 ns here).
    /// </summary>
    private static (double P50, double P99) PredictLatency(GbdtModel model, Dataset data, int predictions)
    {
        var random = new Random(11);
        var row = new double[data.FeatureCount];
        var sink = 0.0;
        for (var i = 0; i < 20_000; i++)
        {
            data.Row(random.Next(data.RowCount)).CopyTo(row);
            sink += model.Predict(row);
        }
        var micros = new double[predictions];
        var ticksToMicros = 1e6 / Stopwatch.Frequency;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < predictions; i++)
        {
            data.Row(random.Next(data.RowCount)).CopyTo(row);
            var start = Stopwatch.GetTimestamp();
            sink += model.Predict(row);
            micros[i] = (Stopwatch.GetTimestamp() - start) * ticksToMicros;
        }
        if (GC.GetAllocatedBytesForCurrentThread() != allocated)
            throw new InvalidOperationException("scoring allocated");
        Array.Sort(micros);
        GC.KeepAlive(sink);
        return (micros[predictions / 2], micros[(int)(predictions * 0.99)]);
    }

    /// <summary>Standard normal features (1% NaN); the label is a nonlinear function of six features under ten times its size of noise (a correlation near 0.1, as with daily returns).</summary>
    private static Dataset RandomDataset(int rows, int features, int seed)
    {
        var random = new Random(seed);
        var values = new double[rows * features];
        for (var i = 0; i < values.Length; i++)
            values[i] = random.NextDouble() < 0.01 ? double.NaN : Normal(random);
        var labels = new double[rows];
        var times = new DateTimeOffset[rows];
        var symbols = new Symbol[rows];
        var names = Enumerable.Range(0, features).Select(f => $"f{f}").ToArray();
        var tickers = Enumerable.Range(0, 500).Select(s => Symbol.Parse($"S{s}")).ToArray();
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var r = 0; r < rows; r++)
        {
            double X(int f) => double.IsNaN(values[(r * features) + f]) ? 0 : values[(r * features) + f];
            var signal = Math.Sin(X(0)) + (X(1) * X(2)) + (X(3) > 0.5 ? 1 : 0) + (0.5 * Math.Abs(X(4))) - (0.3 * X(5));
            labels[r] = signal + (10 * Normal(random));
            times[r] = start.AddDays(r / tickers.Length);
            symbols[r] = tickers[r % tickers.Length];
        }
        return new Dataset(names, values, labels, times, symbols);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

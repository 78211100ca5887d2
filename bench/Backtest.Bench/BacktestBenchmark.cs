using System.Diagnostics;
using System.Globalization;
using Meridian.Grains.Backtesting;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Synthetic;
using Meridian.Grains.Strategies;

namespace Meridian.Bench;

/// <summary>
/// Bars per second through the whole grain pipeline, for a strategy that never trades and for sma-cross, over a
/// generated market imported into a bar store; and, in the same run, the rate of only reading the stored bars (the
/// I/O floor). Rounds alternate the three measurements; each figure is the median of its rounds, after a warm-up.
/// </summary>
internal static class BacktestBenchmark
{
    private static readonly StrategySpec s_noop = new("noop", new Dictionary<string, decimal>());
    private static readonly StrategySpec s_smaCross = new("sma-cross", new Dictionary<string, decimal> { ["fast"] = 10, ["slow"] = 30, ["stake"] = 10 });

    public static async Task<int> RunAsync(BacktestBenchOptions options)
    {
        var root = Directory.CreateTempSubdirectory("meridian-backtest-bench-").FullName;
        try
        {
            var last = new DateOnly(2024, 12, 31);
            var market = SyntheticMarket.Generate(new SyntheticMarketSettings { SymbolCount = options.Symbols, Start = last.AddYears(-options.Years).AddDays(1), End = last });
            var dataDirectory = Path.Combine(root, "data");
            BarStoreFixture.Import(market, dataDirectory, Path.Combine(root, "csv"));
            var store = BarStore.Open(dataDirectory);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"market: {options.Symbols} symbols x {options.Years} years = {market.Sum(s => (long)s.Count):N0} daily bars, imported into {dataDirectory}"));

            // Warm-up: the JIT and first activations, on a slice of the data.
            await BacktestAsync(s_smaCross, () => [.. Read(store).Take(50)]);

            var noop = new List<double>();
            var smaCross = new List<double>();
            var readOnly = new List<double>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                readOnly.Add(ReadOnlyRate(store));
                noop.Add(await BacktestAsync(s_noop, () => Read(store)));
                smaCross.Add(await BacktestAsync(s_smaCross, () => Read(store)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: noop {noop[^1]:N0} bars/s, sma-cross {smaCross[^1]:N0} bars/s, read-only {readOnly[^1]:N0} bars/s"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"backtest: noop_bars_per_s={Median(noop):F0} smacross_bars_per_s={Median(smaCross):F0} read_only_bars_per_s={Median(readOnly):F0}"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Every symbol's bars, fully adjusted, as a backtest reads them.</summary>
    private static List<BarSeries> Read(BarStore store) =>
        [.. store.Symbols().Select(symbol => store.Read(symbol, TimeSpan.FromDays(1), PriceAdjustment.All))];

    /// <summary>Bars per second of reading the store and making every bar message, with nothing downstream.</summary>
    private static double ReadOnlyRate(BarStore store)
    {
        var watch = Stopwatch.StartNew();
        long bars = 0;
        decimal checksum = 0m;
        foreach (var series in Read(store))
        {
            for (var i = 0; i < series.Count; i++)
                checksum += series.BarAt(i).Close.Value;
            bars += series.Count;
        }
        GC.KeepAlive(checksum);
        return bars / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Bars per second of a whole backtest, reading the store included.</summary>
    private static async Task<double> BacktestAsync(StrategySpec strategy, Func<List<BarSeries>> read)
    {
        var watch = Stopwatch.StartNew();
        var result = await Backtest.RunAsync(new BacktestSettings(strategy, 100_000_000m, ExchangeRules.Default), read());
        return result.BarCount / watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

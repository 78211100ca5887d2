using System.Diagnostics;
using Meridian.Grains.Backtesting;
using Meridian.Grains.Exchange;
using Meridian.Grains.Strategies;

var symbols = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50;
var days = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2520;
var watchGen = Stopwatch.StartNew();
var data = Meridian.Grains.MarketData.Synthetic.SyntheticMarket.Generate(new Meridian.Grains.MarketData.Synthetic.SyntheticMarketSettings { SymbolCount = symbols, Start = new DateOnly(2015, 1, 1), End = new DateOnly(2015, 1, 1).AddDays(days * 7 / 5) });
Console.WriteLine($"generated {data.Sum(d => d.Count)} bars in {watchGen.Elapsed.TotalSeconds:F2}s");
foreach (var name in new[] { "noop", "sma-cross", "noop", "sma-cross" })
{
    var spec = new StrategySpec(name, name == "sma-cross" ? new Dictionary<string, decimal> { ["fast"] = 10, ["slow"] = 30, ["stake"] = 10 } : new Dictionary<string, decimal>());
    var watch = Stopwatch.StartNew();
    var result = await Backtest.RunAsync(new BacktestSettings(spec, 100_000_000m, ExchangeRules.Default), data);
    Console.WriteLine($"{name}: {result.BarCount / watch.Elapsed.TotalSeconds:F0} bars/s, {result.Fills.Count} fills, {watch.Elapsed.TotalSeconds:F2}s");
}

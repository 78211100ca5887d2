using System.Diagnostics;
using Meridian.Grains.Backtesting;
using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.Strategies;

var symbols = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50;
var days = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2520;
var data = new List<BarSeries>();
var random = new Random(1);
var start = new DateTimeOffset(2010, 1, 4, 5, 0, 0, TimeSpan.Zero);
for (var s = 0; s < symbols; s++)
{
    var times = new long[days]; var o = new decimal[days]; var h = new decimal[days]; var l = new decimal[days]; var c = new decimal[days]; var v = new decimal[days];
    var price = 100.0;
    for (var d = 0; d < days; d++)
    {
        times[d] = start.AddDays(d).UtcTicks;
        var open = price;
        price *= Math.Exp(random.NextDouble() * 0.04 - 0.02);
        o[d] = Math.Round((decimal)open, 2); c[d] = Math.Round((decimal)price, 2);
        h[d] = Math.Max(o[d], c[d]) + 0.5m; l[d] = Math.Min(o[d], c[d]) - 0.5m; v[d] = 1_000_000m;
    }
    data.Add(new BarSeries(Symbol.Parse($"S{s:D3}"), TimeSpan.FromDays(1), times, o, h, l, c, v));
}
foreach (var name in new[] { "noop", "sma-cross", "noop", "sma-cross" })
{
    var spec = new StrategySpec(name, name == "sma-cross" ? new Dictionary<string, decimal> { ["fast"] = 10, ["slow"] = 30, ["stake"] = 10 } : new Dictionary<string, decimal>());
    var watch = Stopwatch.StartNew();
    var result = await Backtest.RunAsync(new BacktestSettings(spec, 100_000_000m, ExchangeRules.Default), data);
    Console.WriteLine($"{name}: {result.BarCount / watch.Elapsed.TotalSeconds:F0} bars/s, {result.Fills.Count} fills, {watch.Elapsed.TotalSeconds:F2}s");
}

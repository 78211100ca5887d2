using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Tests.Models.Features;

/// <summary>Bar series for the feature tests: written out by hand, or a seeded random walk with awkward stretches.</summary>
internal static class FeatureSeries
{
    public static readonly Symbol Xyz = Symbol.Parse("XYZ");

    public static readonly DateOnly FirstDay = new(2024, 1, 1);

    /// <summary>Daily bars from <see cref="FirstDay"/> on, one a day.</summary>
    public static BarSeries Daily(Symbol symbol, params (decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)[] bars) =>
        Daily(symbol, FirstDay, bars);

    /// <summary>Daily bars from <paramref name="first"/> on, one a day.</summary>
    public static BarSeries Daily(Symbol symbol, DateOnly first, params (decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)[] bars) =>
        new(symbol, BarPeriod.Day,
            [.. bars.Select((_, i) => TradingDay.Start(first.AddDays(i)).UtcTicks)],
            [.. bars.Select(b => b.Open)], [.. bars.Select(b => b.High)], [.. bars.Select(b => b.Low)],
            [.. bars.Select(b => b.Close)], [.. bars.Select(b => b.Volume)]);

    /// <summary>Bars that open, peak, bottom and close at the one price of each day.</summary>
    public static BarSeries Closes(params decimal[] closes) =>
        Daily(Xyz, [.. closes.Select(c => (c, c, c, c, 1000m))]);

    /// <summary>Bars closing at <paramref name="closes"/> on <paramref name="volumes"/>, each a one-price bar.</summary>
    public static BarSeries ClosesAndVolumes(decimal[] closes, decimal[] volumes) =>
        Daily(Xyz, [.. closes.Select((c, i) => (c, c, c, c, volumes[i]))]);

    /// <summary>
    /// A random walk of daily bars in cents from <paramref name="start"/>: 2% daily moves, gaps at the open, wicks,
    /// volumes from 1,000 to 2,000,000 shares; now and then a flat stretch of 3 to 12 bars (open = high = low = close =
    /// the last close, on unchanged or zero volume), single zero-volume days and unchanged closes, unless not
    /// <paramref name="awkward"/>.
    /// </summary>
    public static BarSeries RandomWalk(int seed, int count, decimal start = 100m, Symbol? symbol = null, DateOnly? first = null, bool awkward = true)
    {
        var random = new Random(seed);
        var bars = new List<(decimal, decimal, decimal, decimal, decimal)>();
        var close = start;
        var volume = 100_000m;
        while (bars.Count < count)
        {
            var draw = awkward ? random.NextDouble() : 1;
            if (draw < 0.02)
            {
                var flatVolume = random.NextDouble() < 0.5 ? 0m : volume;
                for (var i = random.Next(3, 13); i > 0 && bars.Count < count; i--)
                    bars.Add((close, close, close, close, flatVolume));
                continue;
            }
            var open = Cents(close * (1m + (decimal)(Normal(random) * 0.005)));
            var next = draw < 0.06 ? close : Cents(close * (1m + (decimal)(Normal(random) * 0.02)));
            var high = Cents(Math.Max(open, next) * (1m + (decimal)(random.NextDouble() * 0.01)));
            var low = Cents(Math.Min(open, next) * (1m - (decimal)(random.NextDouble() * 0.01)));
            volume = draw < 0.09 ? 0m : Math.Round((decimal)Math.Exp(random.NextDouble() * Math.Log(2000)) * 1000m);
            bars.Add((open, high, low, next, volume));
            close = next;
        }
        return Daily(symbol ?? Xyz, first ?? FirstDay, [.. bars]);
    }

    private static decimal Cents(decimal price) => Math.Max(0.01m, Math.Round(price, 2));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.MarketData.Synthetic;

/// <summary>
/// One symbol's bars, drawn from its own stream (stream 2 + index of the seed) on top of the shared
/// <see cref="MarketPath"/>. docs/synthetic-market.md has the formulas; the constants below are named there.
/// </summary>
internal static class SymbolPath
{
    /// <summary>Bars in a year of trading days.</summary>
    private const double TradingDaysPerYear = 252;

    /// <summary>Largest log return of one bar: e^0.35 - 1 = +41.9%, so even with rounding to cents at the $1 floor no bar
    /// comes near the quality gate's default ±50% outlier limit.</summary>
    private const double MaxLogReturn = 0.35;

    /// <summary>Log prices reflect off ln 1 = 0 and ln 1e9, keeping prices in [$1, $1bn].</summary>
    private const double LogFloor = 0;
    private static readonly double s_logCeiling = PortableMath.Log(1e9);

    /// <summary>Share of the day's first return already in the open (the overnight gap), and the gap's own noise in daily sigmas.</summary>
    private const double GapShare = 0.3;
    private const double GapNoise = 0.2;

    /// <summary>High above max(open, close) and low below min(open, close): this many bar sigmas times a half-normal.</summary>
    private const double WickScale = 0.5;

    /// <summary>Volume = typical x sqrt(regime multiplier) x (VolumeBase + VolumeMoveWeight x |r| / normal sigma) x lognormal noise.</summary>
    private const double VolumeBase = 0.6;
    private const double VolumeMoveWeight = 0.5;
    private const double VolumeNoise = 0.25;

    public static BarSeries Generate(SyntheticMarketSettings settings, MarketPath market, int index, Symbol symbol)
    {
        var random = new RandomStream(settings.Seed, (ulong)index + 2);
        var logStart = LogUniform(random, (double)settings.MinStartPrice, (double)settings.MaxStartPrice);
        var drift = random.NextDouble(settings.MinAnnualDrift, settings.MaxAnnualDrift);
        var beta = random.NextDouble(settings.MinBeta, settings.MaxBeta);
        var ownVolatility = random.NextDouble(settings.MinIdiosyncraticVolatility, settings.MaxIdiosyncraticVolatility);
        var dailyVolume = PortableMath.Exp(LogUniform(random, settings.MinDailyVolume, settings.MaxDailyVolume));
        var sector = index % settings.SectorCount;

        var barsPerDay = market.BarsPerDay;
        var yearsPerBar = 1.0 / (TradingDaysPerYear * barsPerDay);
        var sqrtYearsPerBar = Math.Sqrt(yearsPerBar);
        var marketLoading = beta * settings.MarketVolatility;
        var sectorLoading = settings.SectorVolatility;
        var totalVolatility = Math.Sqrt((marketLoading * marketLoading) + (sectorLoading * sectorLoading) + (ownVolatility * ownVolatility));
        var normalBarSigma = totalVolatility * sqrtYearsPerBar;
        var normalDaySigma = totalVolatility / Math.Sqrt(TradingDaysPerYear);
        var volumePerBar = dailyVolume / barsPerDay;

        var count = market.BarCount;
        var open = new decimal[count];
        var high = new decimal[count];
        var low = new decimal[count];
        var close = new decimal[count];
        var volume = new decimal[count];
        var logPrice = logStart;
        var price = PortableMath.Exp(logPrice);
        for (var bar = 0; bar < count; bar++)
        {
            var day = bar / barsPerDay;
            var firstOfDay = bar % barsPerDay == 0;
            var multiplier = settings.Regimes.MultiplierOf(market.Regimes[day]);
            var shock = (marketLoading * market.MarketShock(bar)) + (sectorLoading * market.SectorShock(bar, sector)) + (ownVolatility * random.NextNormal());
            var step = Math.Clamp((drift * yearsPerBar) + (multiplier * sqrtYearsPerBar * shock), -MaxLogReturn, MaxLogReturn);
            var next = Reflect(logPrice + step);
            var logReturn = next - logPrice;

            var openPrice = firstOfDay
                ? PortableMath.Exp(logPrice + (GapShare * logReturn) + (GapNoise * multiplier * normalDaySigma * random.NextNormal()))
                : price;
            var closePrice = PortableMath.Exp(next);
            var barSigma = multiplier * normalBarSigma;
            var highPrice = Math.Max(openPrice, closePrice) * PortableMath.Exp(WickScale * barSigma * Math.Abs(random.NextNormal()));
            var lowPrice = Math.Min(openPrice, closePrice) * PortableMath.Exp(-WickScale * barSigma * Math.Abs(random.NextNormal()));

            var openCents = Math.Max(1, (long)Math.Round(openPrice * 100));
            var closeCents = Math.Max(1, (long)Math.Round(closePrice * 100));
            open[bar] = Cents(openCents);
            close[bar] = Cents(closeCents);
            high[bar] = Cents(Math.Max((long)Math.Ceiling(highPrice * 100), Math.Max(openCents, closeCents)));
            low[bar] = Cents(Math.Max(1, Math.Min((long)Math.Floor(lowPrice * 100), Math.Min(openCents, closeCents))));
            var activity = VolumeBase + (VolumeMoveWeight * Math.Abs(logReturn) / normalBarSigma);
            var noise = PortableMath.Exp((VolumeNoise * random.NextNormal()) - (VolumeNoise * VolumeNoise / 2));
            volume[bar] = Math.Max(1, (long)Math.Round(volumePerBar * Math.Sqrt(multiplier) * activity * noise));

            logPrice = next;
            price = closePrice;
        }
        return new BarSeries(symbol, settings.Period, (long[])market.Times.Clone(), open, high, low, close, volume);
    }

    /// <summary>The log of a price drawn log-uniformly between <paramref name="min"/> and <paramref name="max"/>.</summary>
    private static double LogUniform(RandomStream random, double min, double max) =>
        random.NextDouble(PortableMath.Log(min), PortableMath.Log(max));

    /// <summary>A log price reflected back inside [floor, ceiling]: the move past a bound is taken back from it, so a
    /// reflected return is never larger than the drawn one.</summary>
    private static double Reflect(double logPrice) =>
        logPrice < LogFloor ? (2 * LogFloor) - logPrice
        : logPrice > s_logCeiling ? (2 * s_logCeiling) - logPrice
        : logPrice;

    /// <summary>A whole number of cents as an exact two-place decimal.</summary>
    private static decimal Cents(long cents) => new((int)(cents & 0xFFFFFFFF), (int)(cents >> 32), 0, false, 2);
}

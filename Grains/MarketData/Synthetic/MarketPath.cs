using Meridian.Grains.MarketData.Calendar;

namespace Meridian.Grains.MarketData.Synthetic;

/// <summary>
/// What every symbol shares: the trading days and bar times, each day's volatility regime (stream 0 of the seed) and
/// each bar's market and sector shocks, standard normals (stream 1).
/// </summary>
internal sealed class MarketPath
{
    private readonly double[] _shocks;

    private MarketPath(IReadOnlyList<DateOnly> days, VolatilityRegime[] regimes, int barsPerDay, int sectorCount, long[] times, double[] shocks)
    {
        Days = days;
        Regimes = regimes;
        BarsPerDay = barsPerDay;
        SectorCount = sectorCount;
        Times = times;
        _shocks = shocks;
    }

    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>The regime of each trading day.</summary>
    public VolatilityRegime[] Regimes { get; }

    public int BarsPerDay { get; }

    public int SectorCount { get; }

    /// <summary>Each bar's open, UTC ticks: New York midnight for daily bars, the session open plus whole periods otherwise.</summary>
    public long[] Times { get; }

    public int BarCount => Times.Length;

    /// <summary>The market factor's shock at bar <paramref name="bar"/>.</summary>
    public double MarketShock(int bar) => _shocks[bar * (SectorCount + 1)];

    /// <summary>Sector <paramref name="sector"/>'s shock at bar <paramref name="bar"/>.</summary>
    public double SectorShock(int bar, int sector) => _shocks[(bar * (SectorCount + 1)) + 1 + sector];

    /// <summary>Draws the regimes, then for each bar the market shock and the sector shocks in sector order.</summary>
    public static MarketPath Simulate(SyntheticMarketSettings settings)
    {
        var days = UsEquityCalendar.TradingDays(settings.Start, settings.End);
        var regimes = SimulateRegimes(settings, days.Count);
        var barsPerDay = settings.BarsPerDay;
        var sectors = settings.SectorCount;
        var times = new long[days.Count * barsPerDay];
        for (var d = 0; d < days.Count; d++)
        {
            var first = barsPerDay == 1 ? UsEquityCalendar.DailyBarTime(days[d]) : UsEquityCalendar.SessionOpen(days[d]);
            for (var j = 0; j < barsPerDay; j++)
                times[(d * barsPerDay) + j] = first.UtcTicks + (j * settings.Period.Ticks);
        }
        var random = new RandomStream(settings.Seed, 1);
        var shocks = new double[times.Length * (sectors + 1)];
        for (var i = 0; i < shocks.Length; i++)
            shocks[i] = random.NextNormal();
        return new MarketPath(days, regimes, barsPerDay, sectors, times, shocks);
    }

    /// <summary>The regime of each of <paramref name="dayCount"/> trading days: the initial one, then one draw a day.</summary>
    public static VolatilityRegime[] SimulateRegimes(SyntheticMarketSettings settings, int dayCount)
    {
        var random = new RandomStream(settings.Seed, 0);
        var regimes = new VolatilityRegime[dayCount];
        var regime = settings.Regimes.Initial;
        for (var d = 0; d < dayCount; d++)
        {
            if (d > 0)
                regime = settings.Regimes.Next(regime, random.NextDouble());
            regimes[d] = regime;
        }
        return regimes;
    }
}

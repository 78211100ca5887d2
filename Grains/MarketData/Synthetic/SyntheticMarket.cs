using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Calendar;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.MarketData.Synthetic;

/// <summary>
/// A seeded synthetic US equity market: correlated symbols (a market factor, sector factors and their own noise) under
/// shared volatility regimes, on the trading days of the US equity calendar. The same settings give the same bars on
/// every machine. The model, with formulas, is in docs/synthetic-market.md.
/// </summary>
public static class SyntheticMarket
{
    /// <summary>One series per symbol, in the order of <see cref="SyntheticMarketSettings.Symbols"/>; throws
    /// <see cref="InvalidInputException"/> listing every bad setting.</summary>
    public static IReadOnlyList<BarSeries> Generate(SyntheticMarketSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        var market = MarketPath.Simulate(settings);
        var symbols = settings.Symbols();
        var series = new BarSeries[symbols.Count];
        // Each symbol draws from its own stream, so the order (or parallelism) of this loop cannot change any bar.
        Parallel.For(0, symbols.Count, i => series[i] = SymbolPath.Generate(settings, market, i, symbols[i]));
        return series;
    }

    /// <summary>The volatility regime of each trading day that <see cref="Generate"/> uses for the same settings.</summary>
    public static IReadOnlyList<RegimeDay> Regimes(SyntheticMarketSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        var days = UsEquityCalendar.TradingDays(settings.Start, settings.End);
        var regimes = MarketPath.SimulateRegimes(settings, days.Count);
        return [.. days.Select((day, d) => new RegimeDay(day, regimes[d]))];
    }
}

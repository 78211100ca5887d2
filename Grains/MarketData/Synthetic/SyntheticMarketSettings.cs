using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Calendar;

namespace Meridian.Grains.MarketData.Synthetic;

/// <summary>
/// What <see cref="SyntheticMarket"/> generates: which symbols, which days, and the parameters of the model in
/// docs/synthetic-market.md. Volatilities and drifts are per year as fractions (0.15 = 15%); ranges are drawn
/// uniformly per symbol (prices and volumes log-uniformly). <see cref="Validate"/> reports every violation at once.
/// </summary>
public sealed record SyntheticMarketSettings
{
    /// <summary>The most symbols one market may have.</summary>
    public const int MaxSymbols = 10_000;

    /// <summary>The most bars one generation may make (symbols times bars per symbol), about 4 GB of columns.</summary>
    public const long MaxBars = 100_000_000;

    /// <summary>Symbols used when neither <see cref="SymbolCount"/> nor <see cref="SymbolNames"/> is given.</summary>
    public const int DefaultSymbolCount = 10;

    /// <summary>The seed: the same seed and settings give the same bars on every machine.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>How many symbols, named SYN001, SYN002 and so on; leave unset when giving <see cref="SymbolNames"/>.</summary>
    public int? SymbolCount { get; init; }

    /// <summary>The symbols' tickers, in order; empty to use <see cref="SymbolCount"/> generated names.</summary>
    public IReadOnlyList<string> SymbolNames { get; init; } = [];

    /// <summary>The first date; bars are made for the trading days from here to <see cref="End"/>, both included.</summary>
    public DateOnly Start { get; init; } = new(2015, 1, 1);

    public DateOnly End { get; init; } = new(2024, 12, 31);

    /// <summary>One day for daily bars, or a whole number of minutes dividing 30 for bars of the regular session.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Lowest price a symbol starts at (the close before its first bar); at least 1, the price floor.</summary>
    public decimal MinStartPrice { get; init; } = 10m;

    public decimal MaxStartPrice { get; init; } = 500m;

    /// <summary>Lowest yearly drift of a symbol's log price.</summary>
    public double MinAnnualDrift { get; init; } = -0.05;

    public double MaxAnnualDrift { get; init; } = 0.15;

    /// <summary>Yearly volatility of the market factor.</summary>
    public double MarketVolatility { get; init; } = 0.15;

    /// <summary>Lowest sensitivity of a symbol to the market factor.</summary>
    public double MinBeta { get; init; } = 0.7;

    public double MaxBeta { get; init; } = 1.3;

    /// <summary>How many sectors; symbol i (from 0, in order) belongs to sector i mod this.</summary>
    public int SectorCount { get; init; } = 5;

    /// <summary>Yearly volatility of each sector's factor.</summary>
    public double SectorVolatility { get; init; } = 0.10;

    /// <summary>Lowest yearly volatility of a symbol's own (idiosyncratic) noise.</summary>
    public double MinIdiosyncraticVolatility { get; init; } = 0.15;

    public double MaxIdiosyncraticVolatility { get; init; } = 0.30;

    /// <summary>The market's volatility regimes.</summary>
    public VolatilityRegimes Regimes { get; init; } = VolatilityRegimes.Default;

    /// <summary>Lowest typical daily volume of a symbol, in shares.</summary>
    public double MinDailyVolume { get; init; } = 200_000;

    public double MaxDailyVolume { get; init; } = 5_000_000;

    /// <summary>The symbols generated, in order.</summary>
    public IReadOnlyList<Symbol> Symbols() =>
        SymbolNames.Count > 0
            ? [.. SymbolNames.Select(Symbol.Parse)]
            : [.. Enumerable.Range(1, SymbolCount ?? DefaultSymbolCount).Select(i => Symbol.Parse(string.Create(CultureInfo.InvariantCulture, $"SYN{i:D3}")))];

    /// <summary>Bars per trading day: 1 for daily bars, the regular session's 390 minutes over the period otherwise.</summary>
    public int BarsPerDay => Period == TimeSpan.FromDays(1) ? 1 : (int)(TimeSpan.FromMinutes(390).Ticks / Period.Ticks);

    /// <summary>Every setting that is wrong, at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ValidateSymbols(errors);
        var datesValid = true;
        if (Start < UsEquityCalendar.FirstSupportedDate)
        {
            errors.Add(new("start", $"{Start:yyyy-MM-dd} is before {UsEquityCalendar.FirstSupportedDate:yyyy-MM-dd}, where the exchange calendar begins"));
            datesValid = false;
        }
        if (End < Start)
        {
            errors.Add(new("end", $"{End:yyyy-MM-dd} is before start {Start:yyyy-MM-dd}"));
            datesValid = false;
        }
        var periodValid = Period == TimeSpan.FromDays(1) || (Period > TimeSpan.Zero && Period.Ticks % TimeSpan.TicksPerMinute == 0 && 30 % Period.TotalMinutes == 0);
        if (!periodValid)
            errors.Add(new("period", $"{Period} must be one day, or 1, 2, 3, 5, 6, 10, 15 or 30 minutes (a whole number of minutes dividing 30, so bars line up with 09:30)"));
        if (datesValid)
        {
            var days = UsEquityCalendar.TradingDays(Start, End).Count;
            if (days == 0)
                errors.Add(new("end", $"there is no trading day from {Start:yyyy-MM-dd} to {End:yyyy-MM-dd}"));
            else if (periodValid && (long)days * BarsPerDay * SymbolCountOrDefault > MaxBars)
                errors.Add(new("end", $"{SymbolCountOrDefault} symbols x {days} trading days x {BarsPerDay} bars a day is more than {MaxBars} bars; shorten the dates or use fewer symbols"));
        }
        if (MinStartPrice < 1m || MinStartPrice > 1_000_000m)
            errors.Add(new("min_start_price", $"{MinStartPrice} must be from 1 (the price floor) to 1000000"));
        if (MaxStartPrice < MinStartPrice || MaxStartPrice > 1_000_000m)
            errors.Add(new("max_start_price", $"{MaxStartPrice} must be from min_start_price ({MinStartPrice}) to 1000000"));
        Range(errors, "annual_drift", MinAnnualDrift, MaxAnnualDrift, -1, 1);
        Range(errors, "beta", MinBeta, MaxBeta, -5, 5);
        Range(errors, "idiosyncratic_volatility", MinIdiosyncraticVolatility, MaxIdiosyncraticVolatility, 0, 2);
        Range(errors, "daily_volume", MinDailyVolume, MaxDailyVolume, 1, 1e12);
        if (!double.IsFinite(MarketVolatility) || MarketVolatility < 0 || MarketVolatility > 2)
            errors.Add(new("market_volatility", $"{MarketVolatility} must be from 0 to 2 (a yearly fraction)"));
        if (!double.IsFinite(SectorVolatility) || SectorVolatility < 0 || SectorVolatility > 2)
            errors.Add(new("sector_volatility", $"{SectorVolatility} must be from 0 to 2 (a yearly fraction)"));
        if (SectorCount is < 1 or > MaxSymbols)
            errors.Add(new("sector_count", $"{SectorCount} must be from 1 to {MaxSymbols}"));
        if (Regimes is null)
            errors.Add(new("regimes", "is missing"));
        else
            errors.AddRange(Regimes.Validate("regimes"));
        return errors;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> listing every violation, or returns the settings.</summary>
    public SyntheticMarketSettings EnsureValid() =>
        Validate() is { Count: > 0 } errors ? throw new InvalidInputException("synthetic market settings", errors) : this;

    private int SymbolCountOrDefault => SymbolNames is { Count: > 0 } names ? names.Count : SymbolCount ?? DefaultSymbolCount;

    private void ValidateSymbols(List<FieldError> errors)
    {
        if (SymbolNames is null)
        {
            errors.Add(new("symbol_names", "is missing; leave it empty to use symbol_count"));
            return;
        }
        if (SymbolNames.Count == 0)
        {
            if (SymbolCount is < 1 or > MaxSymbols)
                errors.Add(new("symbol_count", $"{SymbolCount} must be from 1 to {MaxSymbols}"));
            return;
        }
        if (SymbolCount is { } count && count != SymbolNames.Count)
            errors.Add(new("symbol_count", $"{count} differs from the {SymbolNames.Count} symbol_names given; leave it unset"));
        if (SymbolNames.Count > MaxSymbols)
            errors.Add(new("symbol_names", $"{SymbolNames.Count} names; at most {MaxSymbols}"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < SymbolNames.Count; i++)
        {
            if (!Symbol.TryParse(SymbolNames[i], out _, out var error))
                errors.Add(new($"symbol_names[{i}]", error));
            else if (!seen.Add(SymbolNames[i]))
                errors.Add(new($"symbol_names[{i}]", $"'{SymbolNames[i]}' appears more than once"));
        }
    }

    /// <summary>Checks a min_/max_ pair: both finite, within [lowest, highest], min not above max.</summary>
    private static void Range(List<FieldError> errors, string name, double min, double max, double lowest, double highest)
    {
        var minValid = double.IsFinite(min) && min >= lowest && min <= highest;
        if (!minValid)
            errors.Add(new($"min_{name}", $"{min} must be from {lowest} to {highest}"));
        if (!double.IsFinite(max) || max > highest || max < lowest)
            errors.Add(new($"max_{name}", $"{max} must be from {lowest} to {highest}"));
        else if (minValid && max < min)
            errors.Add(new($"max_{name}", $"{max} is below min_{name} ({min})"));
    }
}

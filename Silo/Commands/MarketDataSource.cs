using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Synthetic;

namespace Meridian.Silo.Commands;

/// <summary>
/// The bars a backtest or the paper replay runs on, from the command line: imported bars (--data DIR) or a generated
/// market (--synthetic), narrowed by --symbols, --start, --end and --period, with --adjust choosing raw, split- or
/// fully adjusted prices. Says exactly what is missing when the choice has no bars.
/// </summary>
internal static class MarketDataSource
{
    public static IReadOnlyList<BarSeries> Load(
        CommandArguments arguments, List<KeyValuePair<string, string>> description, int? defaultSyntheticSymbols = null, int defaultSyntheticYears = 10)
    {
        var directory = arguments.Text("data");
        var synthetic = arguments.Flag("synthetic") || (directory is null && defaultSyntheticSymbols is not null);
        if (directory is not null && arguments.Flag("synthetic"))
            throw new UsageException("give --data DIR or --synthetic, not both");
        if (directory is null && !synthetic)
            throw new UsageException("say which bars to use: --data DIR (imported with the import command) or --synthetic (a generated market)");
        var symbols = SymbolsOf(arguments.Text("symbols"));
        var start = arguments.Date("start");
        var end = arguments.Date("end");
        if (start > end)
            throw new UsageException($"--start {start:yyyy-MM-dd} is after --end {end:yyyy-MM-dd}");
        var periodText = arguments.Text("period") ?? "1d";
        if (!BarPeriod.TryParse(periodText, out var period))
            throw new UsageException($"--period '{periodText}' is not a bar period; {BarPeriod.Expected}");
        var adjustment = AdjustmentOf(arguments.Text("adjust") ?? "all");

        IReadOnlyList<BarSeries> data;
        if (synthetic)
        {
            var seed = arguments.Integer("seed", 1)!.Value;
            var count = arguments.Integer("synthetic-symbols", defaultSyntheticSymbols ?? SyntheticMarketSettings.DefaultSymbolCount)!.Value;
            var last = end ?? new DateOnly(2024, 12, 31);
            var settings = new SyntheticMarketSettings
            {
                Seed = (ulong)Math.Max(0, seed),
                SymbolCount = symbols is null ? count : null,
                SymbolNames = symbols?.Select(s => s.Value).ToList() ?? [],
                Start = start ?? last.AddYears(-defaultSyntheticYears).AddDays(1),
                End = last,
                Period = period,
            };
            if (settings.Validate() is { Count: > 0 } errors)
                throw new InvalidInputException("synthetic market", errors);
            data = SyntheticMarket.Generate(settings);
            description.Add(new("data", string.Create(CultureInfo.InvariantCulture, $"synthetic, seed {seed}")));
        }
        else
        {
            data = Read(directory!, symbols, start, end, period, adjustment);
            description.Add(new("data", directory!));
            description.Add(new("adjustment", adjustment.ToString().ToLowerInvariant()));
        }
        description.Add(new("period", periodText));
        if (start is { } s)
            description.Add(new("start", s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (end is { } e)
            description.Add(new("end", e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (data.All(series => series.Count == 0))
            throw new InvalidInputException("market data", [new FieldError("start", $"there are no bars between {start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the first day"} and {end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the last day"} for {string.Join(", ", data.Select(d => d.Symbol.Value))}")]);
        return data;
    }

    private static List<BarSeries> Read(string directory, IReadOnlyList<Symbol>? symbols, DateOnly? start, DateOnly? end, TimeSpan period, PriceAdjustment adjustment)
    {
        if (!Directory.Exists(directory))
            throw new UsageException($"--data {directory} does not exist; import bars into it first with the import command");
        var store = BarStore.Open(directory);
        var stored = store.Symbols();
        if (stored.Count == 0)
            throw new InvalidInputException($"data directory {directory}", [new FieldError("data", "has no bars; import some with the import command")]);
        var chosen = symbols ?? [.. stored.Where(s => store.Contains(s, period))];
        var missing = chosen.Where(s => !store.Contains(s, period)).ToList();
        if (missing.Count > 0 || chosen.Count == 0)
        {
            throw new InvalidInputException($"data directory {directory}", [new FieldError("symbols",
                $"no {BarPeriod.Name(period)} bars of {(chosen.Count == 0 ? "any symbol" : string.Join(", ", missing.Select(m => m.Value)))}; it has {string.Join(", ", stored.Select(s => s.Value))}")]);
        }
        var from = start is { } first ? TradingDay.Start(first) : (DateTimeOffset?)null;
        var to = end is { } last ? TradingDay.Start(last.AddDays(1)).AddTicks(-1) : (DateTimeOffset?)null;
        return [.. chosen.Select(symbol => store.Read(symbol, period, adjustment, from, to))];
    }

    private static List<Symbol>? SymbolsOf(string? text)
    {
        if (text is null)
            return null;
        var symbols = new List<Symbol>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Symbol.TryParse(part, out var symbol, out var error))
                throw new UsageException($"--symbols: {error}");
            if (!symbols.Contains(symbol))
                symbols.Add(symbol);
        }
        return symbols.Count > 0 ? symbols : throw new UsageException("--symbols is empty; list symbols like AAPL,MSFT");
    }

    private static PriceAdjustment AdjustmentOf(string text) => text switch
    {
        "raw" => PriceAdjustment.Raw,
        "split" => PriceAdjustment.Split,
        "all" => PriceAdjustment.All,
        _ => throw new UsageException($"--adjust '{text}' is not an adjustment; use raw, split or all"),
    };
}

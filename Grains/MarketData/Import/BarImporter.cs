using System.Text;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// Imports files of bars into a <see cref="BarStore"/>: for each symbol, parse, check with the quality gate, merge with
/// the bars already stored (a bar at a stored bar's open time replaces it), and write. All or nothing: every file is
/// read and checked before anything is written, and the new files go in through one <see cref="StoreCommit"/>, so the
/// import either completes with its report or leaves the data directory as it was.
/// </summary>
public sealed class BarImporter(IQualityGate gate, TimeProvider? clock = null)
{
    private readonly IQualityGate _gate = gate ?? throw new ArgumentNullException(nameof(gate));
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Runs <paramref name="request"/>. Throws <see cref="ImportRejectedException"/> (nothing written) when a file is
    /// malformed, a period cannot be told, derived dividends make no sense, or another import is running.
    /// </summary>
    public ImportReport Import(ImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Files is not { Count: > 0 })
            throw new ArgumentException("give at least one file to import", nameof(request));
        var errors = new SourceErrorList();
        var rows = ReadFiles(request, errors);
        var fileActions = ReadActions(request.ActionsFile, errors);
        var periods = rows.ToDictionary(group => group.Key, group => PeriodOf(request, group.Key, group.Value, errors));
        if (!errors.IsEmpty)
            throw new ImportRejectedException(errors);

        var directory = Path.GetFullPath(request.DataDirectory);
        var created = !Directory.Exists(directory);
        Directory.CreateDirectory(directory);
        try
        {
            using var importLock = StoreLock.TryAcquire(directory)
                ?? throw new ImportRejectedException($"another import into {directory} is running; try again when it has finished");
            var store = BarStore.OpenLocked(directory);
            var files = new List<(string Path, byte[] Content)>();
            var symbols = new List<SymbolImport>();
            var actionsBySymbol = fileActions.GroupBy(a => a.Symbol).ToDictionary(g => g.Key, g => (IReadOnlyList<CorporateAction>)[.. g]);
            var newActions = new List<CorporateAction>(fileActions);
            var actionsToStore = new Dictionary<Symbol, IReadOnlyList<CorporateAction>>();
            foreach (var (symbol, bars) in rows)
            {
                var period = periods[symbol]!.Value;
                var actions = actionsToStore[symbol] = Merge(store.CorporateActions(symbol), actionsBySymbol.GetValueOrDefault(symbol, []));
                var result = _gate.Check(symbol, period, bars, actions);
                EnsureInOrder(symbol, result.Accepted);
                if (request.DeriveDividends)
                {
                    var derived = Derive(symbol, result.Accepted, errors);
                    newActions.AddRange(derived);
                    actions = actionsToStore[symbol] = Merge(actions, derived);
                }
                var stored = store.Contains(symbol, period) ? store.Read(symbol, period, PriceAdjustment.Raw) : null;
                var (merged, replaced) = StoredBarsMerge.Merge(symbol, period, stored, result.Accepted);
                var path = StoreLayout.BarsFile(symbol, period);
                var content = BarFile.Encode(merged);
                CheckAdjustments(content, bars[0].File, actions, errors);
                // Every bar quarantined and none stored before: no file, so the symbol is not listed with no bars.
                if (merged.Count > 0)
                    files.Add((path, content));
                symbols.Add(new SymbolImport(
                    symbol, BarPeriod.Name(period), bars.Count, result.Accepted.Count, result.Accepted.Count - replaced, replaced, merged.Count,
                    result.Quarantined, result.MissingSessions));
            }
            if (!errors.IsEmpty)
                throw new ImportRejectedException(errors);
            foreach (var symbol in actionsBySymbol.Keys.Where(s => !actionsToStore.ContainsKey(s)))
                actionsToStore[symbol] = Merge(store.CorporateActions(symbol), actionsBySymbol[symbol]);
            foreach (var (symbol, actions) in actionsToStore.Where(pair => newActions.Any(a => a.Symbol == pair.Key)))
                files.Add((StoreLayout.ActionsOf(symbol), Encoding.UTF8.GetBytes(CorporateActionCsv.Format(actions))));

            var report = Report(directory, request, symbols, newActions);
            files.Add((report.ReportFiles[0], Encoding.UTF8.GetBytes(report.ToJson())));
            files.Add((report.ReportFiles[1], Encoding.UTF8.GetBytes(ImportReportText.Markdown(report))));
            StoreCommit.Apply(directory, files);
            return report;
        }
        catch
        {
            // A directory made for this import and left empty goes too: the file system is as it was.
            if (created && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                Directory.Delete(directory);
            throw;
        }
    }

    private static List<KeyValuePair<Symbol, List<SourceBar>>> ReadFiles(ImportRequest request, SourceErrorList errors)
    {
        var bySymbol = new Dictionary<Symbol, List<SourceBar>>();
        var order = new List<Symbol>();
        foreach (var file in request.Files)
        {
            var name = Path.GetFileName(file);
            if (!File.Exists(file))
            {
                errors.Add(name, 0, $"not found ({Path.GetFullPath(file)})");
                continue;
            }
            ParsedBarFile parsed;
            using (var stream = File.OpenRead(file))
                parsed = request.Parser.Parse(name, stream);
            errors.AddRange(parsed.Errors);
            foreach (var group in parsed.Symbols)
            {
                if ((group.Symbol ?? request.Symbol ?? SymbolOfFileName(name, errors)) is not { } symbol)
                    continue;
                if (!bySymbol.TryGetValue(symbol, out var bars))
                {
                    bySymbol[symbol] = bars = [];
                    order.Add(symbol);
                }
                bars.AddRange(group.Bars);
            }
        }
        return order.ConvertAll(symbol => KeyValuePair.Create(symbol, bySymbol[symbol]));
    }

    private static Symbol? SymbolOfFileName(string file, SourceErrorList errors)
    {
        if (Symbol.TryParse(Path.GetFileNameWithoutExtension(file).ToUpperInvariant(), out var symbol, out var error))
            return symbol;
        errors.Add(file, 0, $"does not say whose bars it holds and its name is no symbol ({error}); give the symbol");
        return null;
    }

    private static IReadOnlyList<CorporateAction> ReadActions(string? file, SourceErrorList errors)
    {
        if (file is null)
            return [];
        var name = Path.GetFileName(file);
        if (!File.Exists(file))
        {
            errors.Add(name, 0, $"not found ({Path.GetFullPath(file)})");
            return [];
        }
        using var stream = File.OpenRead(file);
        var (actions, actionErrors) = CorporateActionCsv.Parse(name, stream);
        errors.AddRange(actionErrors);
        return actions;
    }

    private static TimeSpan? PeriodOf(ImportRequest request, Symbol symbol, List<SourceBar> bars, SourceErrorList errors)
    {
        var fixedPeriod = request.Parser.Period;
        var first = bars.Count > 0 ? bars[0].File : "input";
        if (fixedPeriod is not null && request.Period is not null && fixedPeriod != request.Period)
        {
            errors.Add(first, 0, $"the format's bars are {BarPeriod.Name(fixedPeriod.Value)}; a period of {request.Period} does not apply to it");
            return null;
        }
        string? error = null;
        var period = request.Period ?? fixedPeriod ?? BarPeriod.Infer(bars.ConvertAll(b => b.Time), out error);
        if (period is null)
            errors.Add(first, 0, $"{symbol}: {error}");
        else if (!BarPeriod.TryName(period.Value, out _))
            errors.Add(first, 0, $"{symbol}: bars of {period} are not kept by the store; {BarPeriod.Expected}");
        return period;
    }

    /// <summary>The stored actions with each incoming one added, replacing a stored one of the same ex-date and kind.</summary>
    private static IReadOnlyList<CorporateAction> Merge(IReadOnlyList<CorporateAction> stored, IReadOnlyList<CorporateAction> incoming) =>
        [.. stored.Where(s => !incoming.Any(i => i.ExDate == s.ExDate && i.Kind == s.Kind)).Concat(incoming).OrderBy(a => a.ExDate).ThenBy(a => a.Kind)];

    private static IReadOnlyList<CorporateAction> Derive(Symbol symbol, IReadOnlyList<SourceBar> accepted, SourceErrorList errors)
    {
        if (accepted.Count > 0 && accepted.All(b => b.AdjustedClose is null))
        {
            errors.Add(accepted[0].File, 0, "has no adjusted close to derive dividends from; give them in an actions file instead");
            return [];
        }
        var (dividends, derivationErrors) = AdjustedCloseDividends.Derive(symbol, accepted);
        errors.AddRange(derivationErrors);
        return dividends;
    }

    /// <summary>Adjusting the new file with every action must work at import, not fail at the first replay (a dividend as large as its close).</summary>
    private static void CheckAdjustments(byte[] content, string file, IReadOnlyList<CorporateAction> actions, SourceErrorList errors)
    {
        try
        {
            BackAdjustment.Segments(BarFileView.Open(content, file), actions, PriceAdjustment.All);
        }
        catch (InvalidDataException e)
        {
            errors.Add(file, 0, e.Message);
        }
    }

    /// <summary>The gate promises accepted bars in strictly increasing time with positive prices; the store's format depends on it.</summary>
    private static void EnsureInOrder(Symbol symbol, IReadOnlyList<SourceBar> accepted)
    {
        for (var i = 0; i < accepted.Count; i++)
        {
            var bar = accepted[i];
            if ((i > 0 && bar.Time <= accepted[i - 1].Time) || bar.Open <= 0m || bar.High <= 0m || bar.Low <= 0m || bar.Close <= 0m)
                throw new InvalidOperationException($"the quality gate accepted {symbol}'s bar at {bar.File} line {bar.Line}, which is out of time order or has a price of zero or less; the gate must quarantine it");
        }
    }

    private ImportReport Report(string directory, ImportRequest request, List<SymbolImport> symbols, List<CorporateAction> actions)
    {
        var now = _clock.GetUtcNow();
        var stem = Path.Combine(StoreLayout.ReportsFolder, now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'.'fff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-import");
        var unique = stem;
        for (var n = 2; File.Exists(Path.Combine(directory, unique + ".json")); n++)
            unique = $"{stem}-{n}";
        return new ImportReport(now, directory, request.Files, symbols, actions, [unique + ".json", unique + ".md"]);
    }
}

using System.Globalization;
using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.MarketData;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Import;
using Meridian.Grains.MarketData.Quality;
using Microsoft.Extensions.Logging;

namespace Meridian.Silo.Commands;

/// <summary>
/// <c>import --alpaca</c>: downloads the bars of --symbols from --start to --end from Alpaca's market data API and
/// imports them like files (<see cref="AlpacaBarsImporter"/>). The key and the data host come from
/// <see cref="AlpacaDataSettings"/>; a missing key is a usage error naming its setting.
/// </summary>
internal static class AlpacaImport
{
    /// <summary>The options that only --alpaca takes.</summary>
    public static readonly string[] Options = ["--symbols", "--start", "--end", "--timeframe", "--adjustment", "--feed"];

    private static readonly string[] s_filesOnly = ["--format", "--symbol", "--period", "--map", "--time-format", "--time-zone", "--delimiter", "--derive-actions"];

    public static async Task<int> RunAsync(
        Dictionary<string, string> options, List<string> files, List<string> problems, TextWriter output, TextWriter error,
        Func<string, string?> settings, CancellationToken cancellationToken)
    {
        var parsed = Build(options, files, problems, settings);
        if (problems.Count > 0 || parsed is not { } command)
            return ImportCommand.UsageError(problems, error);

        var query = command.Query;
        using var http = new HttpClient();
        var logger = new WriterLogger(error);
        var client = AlpacaBarsClient.Create(http, command.Options, command.Settings.Credentials, logger);
        var importer = new AlpacaBarsImporter(client, new BarImporter(new QualityGate(command.Rules)));
        output.WriteLine(
            $"alpaca: {string.Join(",", query.Symbols)} {query.Timeframe} from {command.Start:yyyy-MM-dd} to {(command.End is { } end ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "now")}, "
            + $"adjustment {query.Adjustment}, feed {client.FeedOf(query)}, from {command.Options.DataUrl}");
        try
        {
            var result = await importer.ImportAsync(
                query, command.DataDirectory, command.ActionsFile,
                new Progress(page => output.WriteLine($"alpaca: page {page.Number}: {page.BarCount} bars")), cancellationToken).ConfigureAwait(false);
            foreach (var symbol in result.SymbolsWithoutBars)
                output.WriteLine($"{symbol}: Alpaca sent no bars (check the symbol, the dates and the feed)");
            ImportCommand.Print(result.Report, output);
            return 0;
        }
        catch (AlpacaApiException e)
        {
            error.WriteLine($"import: {e.Message}");
            error.WriteLine("import: nothing was written");
            return 1;
        }
        catch (Exception e) when (e is ImportRejectedException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"import: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("import: cancelled; nothing was written");
            return 1;
        }
    }

    private static Command? Build(Dictionary<string, string> options, List<string> files, List<string> problems, Func<string, string?> settings)
    {
        if (files.Count > 0)
            problems.Add($"--alpaca downloads the bars; give no files ({string.Join(" ", files)})");
        problems.AddRange(s_filesOnly.Where(options.ContainsKey).Select(o => $"{o} applies to file imports only{(o == "--period" ? "; with --alpaca give --timeframe" : "")}"));
        if (!options.TryGetValue("--data", out var data))
            problems.Add("--data is required");

        var symbols = new List<Symbol>();
        if (!options.TryGetValue("--symbols", out var symbolsText))
            problems.Add("--symbols is required with --alpaca, e.g. --symbols AAPL,MSFT");
        else
        {
            var parts = symbolsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var part in parts)
            {
                if (!Symbol.TryParse(part, out var symbol, out var symbolError))
                    problems.Add($"--symbols: {symbolError}");
                else if (!symbols.Contains(symbol))
                    symbols.Add(symbol);
            }
            if (parts.Length == 0)
                problems.Add("--symbols is empty; list symbols like AAPL,MSFT");
        }
        var start = Date(options, "--start", problems);
        if (start is null && !options.ContainsKey("--start"))
            problems.Add("--start is required with --alpaca (yyyy-MM-dd)");
        var end = Date(options, "--end", problems);
        if (start > end)
            problems.Add($"--start {start:yyyy-MM-dd} is after --end {end:yyyy-MM-dd}");

        var timeframe = AlpacaTimeframe.Day;
        if (options.TryGetValue("--timeframe", out var timeframeText) && !AlpacaTimeframe.TryParse(timeframeText, out timeframe, out var timeframeError))
            problems.Add($"--{timeframeError}");
        var adjustment = options.GetValueOrDefault("--adjustment", "all");
        var feed = options.GetValueOrDefault("--feed", new AlpacaOptions().Feed);
        var query = start is null ? null : AlpacaBarsQuery.ForDates(symbols, start.Value, end) with { Timeframe = timeframe, Adjustment = adjustment, Feed = feed };
        if (query is not null && symbols.Count > 0 && !(start > end))
            problems.AddRange(query.Validate().Select(p => $"--{p}"));
        var actions = options.GetValueOrDefault("--actions");
        if (actions is not null && adjustment != "raw")
            problems.Add($"--actions goes with --adjustment raw: bars of adjustment '{adjustment}' already hold Alpaca's adjustments, and the store would apply the actions again");
        var rules = ImportCommand.Rules(options, problems);

        if (!AlpacaDataSettings.TryRead(settings, out var alpaca, out var settingProblems))
            problems.AddRange(settingProblems);
        if (problems.Count > 0 || alpaca is null || query is null)
            return null;
        return new Command(query, start!.Value, end, data!, actions, rules, alpaca, alpaca.ApplyTo(new AlpacaOptions { Feed = feed }));
    }

    private static DateOnly? Date(Dictionary<string, string> options, string name, List<string> problems)
    {
        if (!options.TryGetValue(name, out var text))
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems.Add($"{name} '{text}' is not a date; write it as yyyy-MM-dd, e.g. 2024-01-31");
        return null;
    }

    private sealed record Command(
        AlpacaBarsQuery Query, DateOnly Start, DateOnly? End, string DataDirectory, string? ActionsFile, QualityRules Rules,
        AlpacaDataSettings Settings, AlpacaOptions Options);

    /// <summary>Reports each page as it arrives, on the caller's thread (<see cref="Progress{T}"/> would post it elsewhere, out of order).</summary>
    private sealed class Progress(Action<AlpacaBarsPage> report) : IProgress<AlpacaBarsPage>
    {
        public void Report(AlpacaBarsPage value) => report(value);
    }

    /// <summary>The transport's warnings (429 pauses, retried reads) printed for the person waiting.</summary>
    private sealed class WriterLogger(TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                writer.WriteLine($"import: {formatter(state, exception)}");
        }
    }
}

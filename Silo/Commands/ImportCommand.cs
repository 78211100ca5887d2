using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Import;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Silo.Commands;

/// <summary>
/// <c>import --data DIR --format yahoo|alpaca|csv [options] FILE...</c>: imports files of bars into a data directory
/// through the quality gate, all or nothing, and prints what it did. <c>import --data DIR --alpaca --symbols A,B
/// --start DATE ...</c> downloads the bars from Alpaca's market data API instead (<see cref="AlpacaImport"/>) and imports
/// them the same way. Exit codes: 0 imported, 1 bad data or Alpaca refused (nothing written), 2 bad usage.
/// </summary>
public static class ImportCommand
{
    /// <summary>The options, as printed with a usage error.</summary>
    public const string Usage = """
        usage: import --data DIR --format yahoo|alpaca|csv [options] FILE...
               import --data DIR --alpaca --symbols A,B --start YYYY-MM-DD [--end YYYY-MM-DD] [options]
          --data DIR             the store's data directory (made when missing)
          --format F             yahoo: Date,Open,High,Low,Close,Adj Close,Volume (daily)
                                 alpaca: a bars response of Alpaca's market data API (JSON)
                                 csv: delimited text with a header, columns named by --map
          --symbol S             whose bars a file holds when it does not say (default: the file name, upper-cased)
          --period P             1d, 1h to 23h, 1m to 59m (default: the format's, else inferred from the bars' spacing)
          --map K=NAME,...       csv: header names of time, open, high, low, close, volume [, symbol, adj_close]
          --time-format F        csv: a .NET date format such as "MM/dd/yyyy HH:mm" (default: ISO 8601)
          --time-zone Z          csv: IANA zone of times written without an offset (default: America/New_York)
          --delimiter C          csv: the field separator, one character or "tab" (default: ,)
          --actions FILE         splits and dividends: date,symbol,type,value with type split or dividend
          --derive-actions       derive cash dividends from the Adj Close column
          --max-abs-return R     quality gate: the largest close-to-close return that is not an outlier (default: 0.5)
          --no-missing-sessions  quality gate: do not report sessions without a bar
          --alpaca               download the bars from Alpaca's market data API instead of reading files; the key is
                                 read from ALPACA_API_KEY_ID and ALPACA_API_SECRET_KEY (or APCA_API_KEY_ID and
                                 APCA_API_SECRET_KEY), the data host from MERIDIAN_ALPACA_DATA_URL (optional)
          --symbols A,B          alpaca: the symbols to download
          --start D              alpaca: the first New York day, yyyy-MM-dd
          --end D                alpaca: the last New York day, yyyy-MM-dd (default: up to now)
          --timeframe T          alpaca: 1Day (default), 1Min to 59Min, 1Hour to 23Hour
          --adjustment A         alpaca: all (default), raw, split, dividend or spin-off, or a comma list;
                                 --actions only goes with raw (adjusted bars already hold the actions)
          --feed F               alpaca: iex (default; free plans), sip, boats or otc
        """;

    private static readonly string[] s_valued =
        ["--data", "--format", "--symbol", "--period", "--map", "--time-format", "--time-zone", "--delimiter", "--actions", "--max-abs-return", .. AlpacaImport.Options];

    private static readonly string[] s_flags = ["--derive-actions", "--no-missing-sessions", "--alpaca"];
    private static readonly string[] s_csvOnly = ["--map", "--time-format", "--time-zone", "--delimiter"];

    /// <summary>Runs the command with the arguments after its name (a leading "import" is passed over too).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error).GetAwaiter().GetResult();

    /// <summary>
    /// Runs the command with the arguments after its name. <paramref name="settings"/> looks a setting up by name (the
    /// Alpaca key for --alpaca); the process environment when null.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Func<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var problems = new List<string>();
        var (options, files) = Split(args.Length > 0 && args[0] == "import" ? args[1..] : args, problems);
        if (options.ContainsKey("--alpaca"))
            return await AlpacaImport.RunAsync(options, files, problems, output, error, settings ?? Environment.GetEnvironmentVariable, cancellationToken).ConfigureAwait(false);
        problems.AddRange(AlpacaImport.Options.Where(options.ContainsKey).Select(o => $"{o} applies to --alpaca only"));
        var parsed = Build(options, files, problems);
        if (problems.Count > 0 || parsed is not { } command)
            return UsageError(problems, error);
        try
        {
            Print(new BarImporter(new QualityGate(command.Rules)).Import(command.Request), output);
            return 0;
        }
        catch (Exception e) when (e is ImportRejectedException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"import: {e.Message}");
            return 1;
        }
    }

    /// <summary>Prints the problems and the usage; the exit code of bad usage.</summary>
    internal static int UsageError(IEnumerable<string> problems, TextWriter error)
    {
        foreach (var problem in problems)
            error.WriteLine($"import: {problem}");
        error.WriteLine(Usage);
        return 2;
    }

    /// <summary>Prints what an import did.</summary>
    internal static void Print(ImportReport report, TextWriter output)
    {
        foreach (var symbol in report.Symbols)
            output.WriteLine(ImportReportText.Summary(symbol));
        if (report.Actions.Count > 0)
            output.WriteLine($"{report.Actions.Count} corporate actions stored");
        output.WriteLine($"report: {Path.Combine(report.DataDirectory, report.ReportFiles[1])}");
    }

    private static (Dictionary<string, string> Options, List<string> Files) Split(string[] args, List<string> problems)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                files.Add(arg);
            else if (s_flags.Contains(arg))
                options[arg] = "";
            else if (!s_valued.Contains(arg))
                problems.Add($"'{arg}' is not an option");
            else if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                problems.Add($"{arg} needs a value");
            else if (!options.TryAdd(arg, args[++i]))
                problems.Add($"{arg} is given twice");
        }
        return (options, files);
    }

    private static (ImportRequest Request, QualityRules Rules)? Build(Dictionary<string, string> options, List<string> files, List<string> problems)
    {
        if (!options.TryGetValue("--data", out var data))
            problems.Add("--data is required");
        if (files.Count == 0)
            problems.Add("give at least one file to import");
        var format = options.GetValueOrDefault("--format");
        if (format is not ("yahoo" or "alpaca" or "csv"))
            problems.Add(format is null ? "--format is required" : $"--format '{format}' is unknown; use yahoo, alpaca or csv");
        if (format is "yahoo" or "alpaca")
            problems.AddRange(s_csvOnly.Where(options.ContainsKey).Select(o => $"{o} applies to --format csv only"));

        Symbol? symbol = null;
        if (options.TryGetValue("--symbol", out var symbolText))
        {
            if (Symbol.TryParse(symbolText, out var parsedSymbol, out var symbolError))
                symbol = parsedSymbol;
            else
                problems.Add($"--symbol: {symbolError}");
        }
        TimeSpan? period = null;
        if (options.TryGetValue("--period", out var periodText))
        {
            if (BarPeriod.TryParse(periodText, out var parsedPeriod))
                period = parsedPeriod;
            else
                problems.Add($"--period '{periodText}': {BarPeriod.Expected}");
        }
        var rules = Rules(options, problems);
        IBarFileParser? parser = format == "csv" ? CsvParser(options, problems) : format == "yahoo" ? YahooCsv.Parser : new AlpacaBarsParser();
        if (problems.Count > 0 || parser is null)
            return null;
        return (new ImportRequest
        {
            DataDirectory = data!,
            Files = files,
            Parser = parser,
            Symbol = symbol,
            Period = period,
            ActionsFile = options.GetValueOrDefault("--actions"),
            DeriveDividends = options.ContainsKey("--derive-actions"),
        }, rules);
    }

    /// <summary>The quality gate's rules from --no-missing-sessions and --max-abs-return.</summary>
    internal static QualityRules Rules(Dictionary<string, string> options, List<string> problems)
    {
        var rules = QualityRules.Default with { ReportMissingSessions = !options.ContainsKey("--no-missing-sessions") };
        if (options.TryGetValue("--max-abs-return", out var returnText))
        {
            if (decimal.TryParse(returnText, NumberStyles.Number, CultureInfo.InvariantCulture, out var maxReturn))
                rules = rules with { MaxAbsoluteReturn = maxReturn };
            else
                problems.Add($"--max-abs-return '{returnText}' is not a number; expected a fraction like 0.5 for 50%");
        }
        problems.AddRange(rules.Validate().Select(e => $"--max-abs-return {e.Message}"));
        return rules;
    }

    private static CsvBarParser? CsvParser(Dictionary<string, string> options, List<string> problems)
    {
        var mapping = CsvColumnMapping.Default;
        if (options.TryGetValue("--map", out var map))
        {
            try
            {
                mapping = CsvColumnMapping.Parse(map);
            }
            catch (InvalidInputException e)
            {
                problems.AddRange(e.Errors.Select(f => $"--map: {f.Message}"));
            }
        }
        var zoneId = options.GetValueOrDefault("--time-zone", "America/New_York");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            problems.Add($"--time-zone '{zoneId}' is not a known time zone; use an IANA id such as America/New_York");
        var delimiterText = options.GetValueOrDefault("--delimiter", ",");
        var delimiter = delimiterText == "tab" ? '\t' : delimiterText.Length == 1 ? delimiterText[0] : '\0';
        if (delimiter is '\0' or '"')
            problems.Add($"--delimiter '{delimiterText}' is not one character other than a quote (or \"tab\")");
        if (options.TryGetValue("--time-format", out var timeFormat) && timeFormat.Length == 0)
            problems.Add("--time-format is empty; leave it out for ISO 8601");
        return problems.Count > 0 || zone is null ? null : new CsvBarParser(mapping, TimestampFormat.Create(timeFormat, zone), delimiter);
    }
}

using System.Globalization;
using Meridian.Grains.Backtesting;
using Meridian.Grains.Backtesting.Reports;
using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.Models.Learning;
using Meridian.Grains.Risk;
using Meridian.Grains.Strategies;

namespace Meridian.Silo.Commands;

/// <summary>
/// <c>backtest</c>: runs a built-in strategy over imported or generated bars in the trading grains on a simulated
/// clock, shows progress, and writes the run directory (summary.json, orders.csv, fills.csv, trades.csv,
/// equity.csv, report.html).
/// </summary>
internal static class BacktestCommand
{
    public const string Usage =
        """
        usage: backtest (--data DIR | --synthetic) [options] [strategy parameters]
          data     --data DIR            bars imported with the import command
                   --synthetic           a generated market instead (--seed N, --synthetic-symbols N)
                   --symbols A,B,C       the symbols to trade (default: every symbol of the data)
                   --start yyyy-MM-dd    first day (default: the data's first)
                   --end yyyy-MM-dd      last day (default: the data's last)
                   --period 1d           bar period to replay (default 1d)
                   --adjust raw|split|all  prices as traded, split-adjusted, or also dividend-adjusted (default all)
          strategy --strategy NAME       sma-cross (default), buy-and-hold, model or noop; its parameters follow as --name value,
                                         e.g. --fast 10 --slow 30 --stake 100 for sma-cross
                   --model-file F[,F]    model files (from the train command) for the model strategy; --model NAME picks
                                         one (default: the only one), e.g. --strategy model --model-file m.json --top 20
          account  --cash N              starting cash (default 100000)
                   --allow-short         let the risk gate pass short sales (refused by default)
                   --margin N            buying power as a multiple of equity (default 1)
          costs    --commission-per-share N  --commission-bps N  --commission-min N
                   --slippage-bps N | --slippage-volume-share CAP (e.g. 0.025)
          output   --out DIR             the run directory (default runs/<strategy>-<start>-<end>)
        """;

    private static readonly HashSet<string> s_flags = ["synthetic", "allow-short"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var arguments = CommandArguments.Parse(args, s_flags);
            if (arguments.Positional.Count > 0)
                throw new UsageException($"unexpected argument '{arguments.Positional[0]}'");
            var description = new List<KeyValuePair<string, string>>();
            var data = MarketDataSource.Load(arguments, description);
            var models = ModelFilesOf(arguments.Text("model-file"));
            var strategy = StrategyArguments.Parse(arguments, models.Count == 1 ? ModelArtifact.FromJson(models[0]).Name : null);
            var settings = new BacktestSettings(strategy, arguments.Decimal("cash", 100_000m)!.Value, RulesOf(arguments))
            {
                Description = description,
                Models = models,
                Limits = LimitsOf(arguments),
            };
            var outDirectory = arguments.Text("out");
            if (arguments.UnknownOptions is { Count: > 0 } unknown)
                throw new UsageException($"unknown option --{unknown[0].Key}; {strategy.Name} takes {StrategyCatalog.Find(strategy.Name)?.ParameterNames ?? "no parameters"}");

            var progress = new ProgressBar(error, interactive: !Console.IsErrorRedirected);
            var result = await Backtest.RunAsync(settings, data, progress, cancellationToken);
            var directory = outDirectory ?? Path.Combine("runs", string.Create(CultureInfo.InvariantCulture, $"{strategy.Name}-{result.Start:yyyyMMdd}-{result.End:yyyyMMdd}"));
            BacktestReportWriter.Write(result, directory);
            WriteSummary(output, result, directory);
            return 0;
        }
        catch (UsageException e)
        {
            error.WriteLine($"backtest: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (InvalidInputException e)
        {
            error.WriteLine($"backtest: {e.Message}");
            return 1;
        }
    }

    /// <summary>The model files given (comma-separated paths), read; a missing or malformed file is a usage error.</summary>
    private static List<string> ModelFilesOf(string? paths)
    {
        var files = new List<string>();
        foreach (var path in paths?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
        {
            if (!File.Exists(path))
                throw new UsageException($"--model-file {path} does not exist; write one with the train command");
            var json = File.ReadAllText(path);
            try
            {
                _ = ModelArtifact.FromJson(json);
            }
            catch (FormatException e)
            {
                throw new UsageException($"--model-file {path}: {e.Message}");
            }
            files.Add(json);
        }
        return files;
    }

    /// <summary>The risk gate's limits: none, except short selling (refused unless --allow-short) and the margin multiplier.</summary>
    private static RiskLimits LimitsOf(CommandArguments arguments) => new()
    {
        AllowShortSelling = arguments.Flag("allow-short"),
        MarginMultiplier = arguments.Decimal("margin", 1m)!.Value,
    };

    private static ExchangeRules RulesOf(CommandArguments arguments)
    {
        var commission = new CommissionModel(
            arguments.Decimal("commission-per-share", 0m)!.Value,
            arguments.Decimal("commission-bps", 0m)!.Value,
            arguments.Decimal("commission-min", 0m)!.Value);
        var bps = arguments.Decimal("slippage-bps");
        var share = arguments.Decimal("slippage-volume-share");
        if (bps is not null && share is not null)
            throw new UsageException("give --slippage-bps or --slippage-volume-share, not both");
        SlippageModel slippage = bps is { } b ? new FixedBpsSlippage(b) : share is { } s ? new VolumeShareSlippage(s) : SlippageModel.None;
        return new ExchangeRules { Commission = commission, Slippage = slippage }.EnsureValid();
    }

    private static void WriteSummary(TextWriter output, BacktestResult result, string directory)
    {
        var statistics = result.Statistics;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.BarCount:N0} bars, {result.Start:yyyy-MM-dd} to {result.End:yyyy-MM-dd}: final equity {result.Final.Equity.Amount:N2} " +
            $"({statistics.TotalReturn:P2}), {statistics.TradeCount} trades, {result.Fills.Count} fills, {result.Denials.Count} denials, " +
            $"max drawdown {statistics.MaxDrawdown:P2}, Sharpe {(statistics.Sharpe is { } sharpe ? sharpe.ToString("F2", CultureInfo.InvariantCulture) : "n/a")}"));
        output.WriteLine($"report: {Path.Combine(directory, "report.html")}");
    }
}

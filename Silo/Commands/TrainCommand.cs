using System.Globalization;
using System.Text.Json;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.Models;
using Meridian.Grains.Models.Evaluation;
using Meridian.Grains.Models.Features;
using Meridian.Grains.Models.Learning;
using Meridian.Grains.Models.Training;

namespace Meridian.Silo.Commands;

/// <summary>
/// <c>train</c>: trains a model on imported or generated bars (<see cref="ModelTraining"/>), prints its IC, Rank IC,
/// ICIR and long-short figures on validation and the held-out test period, and writes the run directory: model.json
/// (the model file), evaluation.json and daily_ic.csv. <c>--register</c> also registers the model in the silo's
/// registry (and <c>--promote</c> makes it the champion).
/// </summary>
internal static class TrainCommand
{
    public const string Usage =
        """
        usage: train (--data DIR | --synthetic) [options]
          data      --data DIR | --synthetic [--seed N --synthetic-symbols N]; --symbols, --start, --end, --adjust as backtest
          model     --model gbdt|ridge       (default gbdt)   --features alpha158|indicators (default alpha158)
                    --name NAME              (default <features>-<model>)
                    --labels zscore|rank|none  label normalization per day for fitting (default zscore)
          split     --validation-start yyyy-MM-dd  --test-start yyyy-MM-dd   (default: 60% / 20% / 20% of the days)
          gbdt      --trees N (200) --leaves N (63) --learning-rate X (0.1) --lambda X (0) --min-data-in-leaf N (20)
                    --feature-fraction X (1) --bagging-fraction X (1) --bagging-freq N (0) --max-bins N (255)
                    --max-depth N --early-stopping N (50; 0 = off) --model-seed N (0)
          ridge     --lambda X (1)
          output    --out DIR                (default runs/train-<name>)
                    --register [--promote]   register model.json in the silo's model registry (and make it champion)
        """;

    private static readonly HashSet<string> s_flags = ["synthetic", "register", "promote"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? dataDirectory = null)
    {
        try
        {
            var arguments = CommandArguments.Parse(args, s_flags);
            if (arguments.Positional.Count > 0)
                throw new UsageException($"unexpected argument '{arguments.Positional[0]}'");
            var data = MarketDataSource.Load(arguments, []);
            var settings = SettingsOf(arguments);
            var outDirectory = arguments.Text("out") ?? Path.Combine("runs", $"train-{settings.Name}");
            var register = arguments.Flag("register");
            var promote = arguments.Flag("promote");
            if (promote && !register)
                throw new UsageException("--promote needs --register");
            if (arguments.UnknownOptions is { Count: > 0 } unknown)
                throw new UsageException($"unknown option --{unknown[0].Key}");

            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"train: {settings.Kind.ToString().ToLowerInvariant()} on {settings.Features.Count} features of {data.Count} symbols, {data.Sum(s => (long)s.Count):N0} bars"));
            var result = ModelTraining.Run(settings, data);
            Write(result, outDirectory);
            WriteSummary(output, result, outDirectory);
            if (register)
                await RegisterAsync(result.Artifact, promote, output, dataDirectory);
            return 0;
        }
        catch (UsageException e)
        {
            error.WriteLine($"train: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (InvalidInputException e)
        {
            error.WriteLine($"train: {e.Message}");
            return 1;
        }
    }

    private static TrainingSettings SettingsOf(CommandArguments arguments)
    {
        var featuresName = arguments.Text("features") ?? "alpha158";
        var features = FeatureSet.Named(featuresName) ?? throw new UsageException($"--features '{featuresName}' is not a feature set; use alpha158 or indicators");
        var kindText = arguments.Text("model") ?? "gbdt";
        var kind = kindText switch
        {
            "gbdt" => ModelKind.Gbdt,
            "ridge" => ModelKind.Ridge,
            _ => throw new UsageException($"--model '{kindText}' is not a model kind; use gbdt or ridge"),
        };
        var labelsText = arguments.Text("labels") ?? "zscore";
        var labels = labelsText switch
        {
            "zscore" => LabelNormalization.ZScore,
            "rank" => LabelNormalization.Rank,
            "none" => LabelNormalization.None,
            _ => throw new UsageException($"--labels '{labelsText}' is not a label normalization; use zscore, rank or none"),
        };
        var gbdt = GbdtOptions.Default;
        var ridge = RidgeOptions.Default;
        if (kind == ModelKind.Gbdt)
        {
            gbdt = gbdt with
            {
                NumTrees = arguments.Integer("trees", gbdt.NumTrees)!.Value,
                NumLeaves = arguments.Integer("leaves", gbdt.NumLeaves)!.Value,
                LearningRate = Real(arguments, "learning-rate", gbdt.LearningRate),
                Lambda = Real(arguments, "lambda", gbdt.Lambda),
                MinDataInLeaf = arguments.Integer("min-data-in-leaf", gbdt.MinDataInLeaf)!.Value,
                FeatureFraction = Real(arguments, "feature-fraction", gbdt.FeatureFraction),
                BaggingFraction = Real(arguments, "bagging-fraction", gbdt.BaggingFraction),
                BaggingFreq = arguments.Integer("bagging-freq", gbdt.BaggingFreq)!.Value,
                MaxBins = arguments.Integer("max-bins", gbdt.MaxBins)!.Value,
                MaxDepth = arguments.Integer("max-depth", gbdt.MaxDepth),
                EarlyStoppingRounds = arguments.Integer("early-stopping", gbdt.EarlyStoppingRounds)!.Value,
                Seed = arguments.Integer("model-seed", gbdt.Seed)!.Value,
            };
        }
        else
        {
            ridge = ridge with { Lambda = Real(arguments, "lambda", ridge.Lambda) };
        }
        var settings = new TrainingSettings(arguments.Text("name") ?? $"{featuresName}-{kindText}", features, kind)
        {
            Gbdt = gbdt,
            Ridge = ridge,
            Labels = labels,
            ValidationStart = arguments.Date("validation-start") is { } v ? TradingDay.Start(v) : null,
            TestStart = arguments.Date("test-start") is { } t ? TradingDay.Start(t) : null,
        };
        if (settings.Validate() is { Count: > 0 } errors)
            throw new UsageException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        return settings;
    }

    private static double Real(CommandArguments arguments, string name, double fallback) =>
        arguments.Decimal(name) is { } value ? (double)value : fallback;

    private static void Write(TrainingResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "model.json"), result.Artifact.ToJson());
        var evaluation = new
        {
            model = result.Artifact.Name,
            content_hash = result.Artifact.ContentHash,
            fit_seconds = result.FitTime.TotalSeconds,
            split = result.Split,
            validation = Summary(result.Validation),
            test = Summary(result.Test),
        };
        File.WriteAllText(Path.Combine(directory, "evaluation.json"), JsonSerializer.Serialize(evaluation, s_json));
        using var daily = new StreamWriter(Path.Combine(directory, "daily_ic.csv"));
        daily.WriteLine("period,time,symbols,ic,rank_ic,long_short_return");
        foreach (var (period, report) in new[] { ("validation", result.Validation), ("test", result.Test) })
        {
            foreach (var day in report.Daily)
                daily.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{period},{day.Time:yyyy-MM-dd},{day.Symbols},{day.Ic:R},{day.RankIc:R},{day.LongShortReturn:R}"));
        }
    }

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static object Summary(SignalReport report) => new
    {
        days = report.Days,
        ic = report.MeanIc,
        ic_std = report.IcStd,
        icir = report.Icir,
        rank_ic = report.MeanRankIc,
        rank_ic_std = report.RankIcStd,
        rank_icir = report.RankIcir,
        long_short_mean_return = report.LongShortMeanReturn,
        long_short_sharpe = report.LongShortSharpe,
        long_short_cumulative_return = report.LongShortCumulativeReturn,
    };

    private static void WriteSummary(TextWriter output, TrainingResult result, string directory)
    {
        var split = result.Split;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Artifact.Name}: trained on {split.TrainFrom:yyyy-MM-dd} to {split.TrainEnd:yyyy-MM-dd} ({result.Artifact.TrainingRows:N0} rows) in {result.FitTime.TotalSeconds:F1} s; " +
            $"validation from {split.ValidationFrom:yyyy-MM-dd}, test {split.TestFrom:yyyy-MM-dd} to {split.TestTo:yyyy-MM-dd}"));
        output.WriteLine($"{"period",-11} {"days",5} {"IC",8} {"ICIR",7} {"Rank IC",8} {"RankICIR",9} {"L/S Sharpe",11} {"L/S return",11}");
        foreach (var (period, r) in new[] { ("validation", result.Validation), ("test", result.Test) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{period,-11} {r.Days,5} {r.MeanIc,8:F4} {r.Icir,7:F3} {r.MeanRankIc,8:F4} {r.RankIcir,9:F3} {r.LongShortSharpe,11:F2} {r.LongShortCumulativeReturn,11:P1}"));
        }
        output.WriteLine($"model: {Path.Combine(directory, "model.json")} (hash {result.Artifact.ContentHash[..12]})");
    }

    private static Task RegisterAsync(ModelArtifact artifact, bool promote, TextWriter output, string? dataDirectory) =>
        SiloHost.UseAsync(dataDirectory, async client =>
        {
            var registry = client.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
            var info = await registry.RegisterAsync(artifact.ToJson());
            output.WriteLine($"registered {info.Model} version {info.Version}");
            if (promote)
            {
                await registry.PromoteAsync(info.Model, info.Version);
                output.WriteLine($"{info.Model} version {info.Version} is champion");
            }
        });
}

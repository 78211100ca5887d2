using System.Text.Json;
using Meridian.Grains.Backtesting;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData.Synthetic;
using Meridian.Grains.Models.Features;
using Meridian.Grains.Models.Learning;
using Meridian.Grains.Models.Training;
using Meridian.Grains.Strategies;
using Meridian.Runtime;
using Meridian.Silo.Commands;
using Meridian.Silo.Replay;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Silo.Tests;

/// <summary>
/// A model from training to trading, as a user runs it: the train command writes and registers a model, the models
/// command promotes it, and the model strategy trades its champion the same way in a backtest and in the paper replay.
/// </summary>
public sealed class ModelWorkflowTests
{
    private static readonly string[] s_market = ["--synthetic", "--synthetic-symbols", "12", "--start", "2021-01-01", "--end", "2023-12-31", "--seed", "5"];

    private static async Task<(int Code, string Output, string Error)> RunAsync(Func<TextWriter, TextWriter, Task<int>> command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await command(output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Train_writes_the_model_and_its_evaluation_and_registers_it_as_champion()
    {
        using var run = new TemporaryDirectory();
        using var data = new TemporaryDirectory();

        var (code, output, error) = await RunAsync((o, e) => TrainCommand.RunAsync(
            [.. s_market, "--trees", "20", "--leaves", "7", "--out", run.Path, "--register", "--promote"], o, e, data.Path));
        var (listCode, list, _) = await RunAsync((o, e) => ModelsCommand.RunAsync(["list"], o, e, data.Path));

        Assert.True(code == 0, error);
        var artifact = ModelArtifact.FromJson(await File.ReadAllTextAsync(run.File("model.json"), TestContext.Current.CancellationToken));
        Assert.Equal(("alpha158-gbdt", "gbdt", 158), (artifact.Name, artifact.Kind, artifact.Features.Count));
        foreach (var metric in new[] { "test_ic", "test_rank_ic", "test_icir", "test_rank_icir", "test_long_short_sharpe" })
            Assert.True(artifact.Metrics.ContainsKey(metric), $"the model file has no {metric}");
        using var evaluation = JsonDocument.Parse(await File.ReadAllTextAsync(run.File("evaluation.json"), TestContext.Current.CancellationToken));
        Assert.True(evaluation.RootElement.GetProperty("test").GetProperty("days").GetInt32() > 100);
        Assert.StartsWith("period,time,symbols,ic,rank_ic,long_short_return", await File.ReadAllTextAsync(run.File("daily_ic.csv"), TestContext.Current.CancellationToken));
        Assert.Contains("registered alpha158-gbdt version 1", output, StringComparison.Ordinal);
        Assert.Equal(0, listCode);
        Assert.Matches(@"alpha158-gbdt\s+1 champion", list);
    }

    [Fact]
    public async Task Train_on_too_little_data_says_how_much_each_period_needs()
    {
        using var run = new TemporaryDirectory();

        var (code, _, error) = await RunAsync((o, e) => TrainCommand.RunAsync(
            ["--synthetic", "--synthetic-symbols", "3", "--start", "2023-01-01", "--end", "2023-04-15", "--out", run.Path], o, e));

        Assert.Equal(1, code);
        Assert.Contains("too little data", error, StringComparison.Ordinal);
        Assert.Contains("each needs at least 20, 5 and 5", error, StringComparison.Ordinal);
        Assert.False(File.Exists(run.File("model.json")));
    }

    [Fact]
    public async Task Promoting_an_unknown_version_is_refused_with_the_versions_there_are()
    {
        using var run = new TemporaryDirectory();
        using var data = new TemporaryDirectory();
        await RunAsync((o, e) => TrainCommand.RunAsync([.. s_market, "--model", "ridge", "--out", run.Path], o, e));
        await RunAsync((o, e) => ModelsCommand.RunAsync(["register", run.File("model.json")], o, e, data.Path));

        var (code, _, error) = await RunAsync((o, e) => ModelsCommand.RunAsync(["promote", "alpha158-ridge", "7"], o, e, data.Path));

        Assert.Equal(1, code);
        Assert.Contains("has versions 1 to 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_strategy_places_the_same_orders_and_gets_the_same_fills_in_a_backtest_and_in_the_paper_replay()
    {
        var history = SyntheticMarket.Generate(new SyntheticMarketSettings { Seed = 11, SymbolCount = 8, Start = new(2020, 1, 1), End = new(2022, 12, 31) });
        var trained = ModelTraining.Run(
            new TrainingSettings("parity-gbdt", FeatureSet.Alpha158, ModelKind.Gbdt) { Gbdt = new GbdtOptions { NumTrees = 15, NumLeaves = 7, EarlyStoppingRounds = 0 } },
            history);
        var json = trained.Artifact.ToJson();
        var market = SyntheticMarket.Generate(new SyntheticMarketSettings { Seed = 12, SymbolCount = 8, Start = new(2023, 1, 1), End = new(2023, 8, 31) });
        var spec = new StrategySpec("model", new Dictionary<string, decimal> { ["top"] = 3, ["rebalance"] = 5 }) { Model = "parity-gbdt" };

        var backtest = await Backtest.RunAsync(
            new BacktestSettings(spec, 100_000m, ExchangeRules.Default) { PortfolioId = "parity", Models = [json] }, market,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(backtest.Fills.Count >= 10, $"the model gives only {backtest.Fills.Count} fills: too few to compare");

        using var directory = new TemporaryDirectory();
        await File.WriteAllTextAsync(directory.File("model.json"), json, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunAsync((o, e) => ModelsCommand.RunAsync(["register", directory.File("model.json")], o, e, directory.Path))).Code);
        Assert.Equal(0, (await RunAsync((o, e) => ModelsCommand.RunAsync(["promote", "parity-gbdt", "1"], o, e, directory.Path))).Code);
        var replay = new PaperReplay(market, spec, 100_000m, "parity", double.PositiveInfinity);
        using var host = SiloHost.Create(replay, directory.Path);
        await host.StartAsync(TestContext.Current.CancellationToken);
        await replay.Finished.Task.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        var (orders, fills) = await PaperReplayParityTests.PaperTradesAsync(host.Services.GetRequiredService<IClusterClient>(), "parity");
        await host.StopAsync(TestContext.Current.CancellationToken);

        PaperReplayParityTests.AssertSameTrades(backtest, orders, fills);
    }
}

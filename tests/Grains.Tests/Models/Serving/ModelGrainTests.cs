using Meridian.Grains.Domain;
using Meridian.Grains.Models;
using Meridian.Grains.Tests.Trading;
using static Meridian.Grains.Tests.Models.Serving.ServingFixtures;

namespace Meridian.Grains.Tests.Models.Serving;

/// <summary>
/// The Model grain serving a registry's champion: scores from the features of the bars it was fed, hot swaps with no
/// restart and never two versions in one round, challengers in shadow, live IC from the labels that follow.
/// Version 1 scores +ROC5 and version 2 scores −ROC5, so every score can be checked against the bars by hand.
/// </summary>
public sealed class ModelGrainTests
{
    private static async Task<(TradingSilo Trading, IModelRegistryGrain Registry, IModelGrain Model)> ServeAsync()
    {
        var trading = await TradingSilo.StartAsync();
        var registry = trading.Grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
        await registry.RegisterAsync(LinearModel("m", 1, 0));
        await registry.RegisterAsync(LinearModel("m", -1, 0));
        return (trading, registry, trading.Grains.GetGrain<IModelGrain>("m"));
    }

    private static IReadOnlyList<Symbol> Universe => [.. Symbols.Select(Symbol.Parse)];

    /// <summary>Every score of the round is what its version gives on the day's ROC5: +ROC5 for version 1, −ROC5 for version 2.</summary>
    private static void AssertScoredBy(ModelSignals signals, int day)
    {
        var sign = signals.Version == 1 ? 1.0 : -1.0;
        Assert.Equal(Symbols, signals.Scores.Select(s => s.Symbol.Value));
        for (var s = 0; s < Symbols.Length; s++)
            Assert.Equal(sign * Roc5(s, day), signals.Scores[s].Score, 1e-12);
    }

    [Fact]
    public async Task Scores_the_champion_on_warm_symbols_only()
    {
        var (trading, registry, model) = await ServeAsync();
        await using var _ = trading;
        await registry.PromoteAsync("m", 1);

        for (var day = 0; day < 5; day++)
            await model.ObserveAsync(Slice(day));
        var cold = await model.ScoreAsync(Slice(4).Time, Universe);
        await model.ObserveAsync(Slice(5));
        var warm = await model.ScoreAsync(Slice(5).Time, Universe);

        Assert.Empty(cold.Scores);
        Assert.Equal(1, warm.Version);
        AssertScoredBy(warm, 5);
    }

    [Fact]
    public async Task A_bar_fed_twice_is_taken_once()
    {
        var (trading, registry, model) = await ServeAsync();
        await using var _ = trading;
        await registry.PromoteAsync("m", 1);

        for (var day = 0; day <= 6; day++)
        {
            await model.ObserveAsync(Slice(day));
            await model.ObserveAsync(Slice(day));
        }

        AssertScoredBy(await model.ScoreAsync(Slice(6).Time, Universe), 6);
    }

    [Fact]
    public async Task A_promotion_takes_effect_at_the_next_round_without_a_restart()
    {
        var (trading, registry, model) = await ServeAsync();
        await using var _ = trading;
        await registry.PromoteAsync("m", 1);
        for (var day = 0; day <= 6; day++)
            await model.ObserveAsync(Slice(day));

        var before = await model.ScoreAsync(Slice(6).Time, Universe);
        await registry.PromoteAsync("m", 2);
        var after = await model.ScoreAsync(Slice(6).Time, Universe);
        await registry.RollBackAsync("m");
        var rolledBack = await model.ScoreAsync(Slice(6).Time, Universe);

        Assert.Equal([1, 2, 1], new[] { before.Version, after.Version, rolledBack.Version });
        AssertScoredBy(before, 6);
        AssertScoredBy(after, 6);
        AssertScoredBy(rolledBack, 6);
    }

    [Fact]
    public async Task Rounds_running_concurrently_with_promotions_are_each_scored_by_one_version()
    {
        var (trading, registry, model) = await ServeAsync();
        await using var _ = trading;
        await registry.PromoteAsync("m", 1);
        for (var day = 0; day <= 6; day++)
            await model.ObserveAsync(Slice(day));

        var rounds = new List<Task<ModelSignals>>();
        var promotions = new List<Task<ModelVersionInfo>>();
        for (var i = 0; i < 50; i++)
        {
            var version = 1 + (i % 2);
            rounds.Add(Task.Run(() => model.ScoreAsync(Slice(6).Time, Universe)));
            promotions.Add(Task.Run(() => registry.PromoteAsync("m", version)));
        }
        await Task.WhenAll(promotions);
        var results = await Task.WhenAll(rounds);
        var last = await model.ScoreAsync(Slice(6).Time, Universe);

        Assert.All(results, round => AssertScoredBy(round, 6));
        Assert.Equal((await registry.GetServingAsync("m")).Champion, last.Version);
        AssertScoredBy(last, 6);
    }

    [Fact]
    public async Task A_challenger_is_scored_in_shadow_and_both_are_followed_live()
    {
        var (trading, registry, model) = await ServeAsync();
        await using var _ = trading;
        await registry.PromoteAsync("m", 1);
        await registry.ChallengeAsync("m", 2);

        // Rounds on days 5 to 9; the labels of day d's round are close(d+2)/close(d+1) - 1, known once day d+2 is in.
        var rounds = new List<ModelSignals>();
        for (var day = 0; day <= 11; day++)
        {
            await model.ObserveAsync(Slice(day));
            if (day is >= 5 and <= 9)
                rounds.Add(await model.ScoreAsync(Slice(day).Time, Universe));
        }
        var status = await model.GetStatusAsync();

        Assert.All(rounds, round => Assert.Equal(1, round.Version));
        var ics = new List<double>();
        for (var r = 0; r < rounds.Count; r++)
        {
            var day = 5 + r;
            var labels = Enumerable.Range(0, Symbols.Length).Select(s => ((double)Close(s, day + 2) / (double)Close(s, day + 1)) - 1.0).ToList();
            ics.Add(Pearson([.. rounds[r].Scores.Select(s => s.Score)], labels));
        }
        var champion = status.Versions.Single(v => v.Version == 1);
        var challenger = status.Versions.Single(v => v.Version == 2);
        Assert.Equal(1, status.Champion);
        Assert.Equal((5, ModelStage.Champion), (champion.Rounds, champion.Stage));
        Assert.Equal((5, ModelStage.Challenger), (challenger.Rounds, challenger.Stage));
        Assert.Equal(ics.Average(), champion.MeanIc, 1e-12);
        Assert.Equal(-ics.Average(), challenger.MeanIc, 1e-12);
        Assert.Equal(-champion.MeanRankIc, challenger.MeanRankIc, 1e-12);
    }

    [Fact]
    public async Task A_model_with_no_champion_refuses_to_score()
    {
        var (trading, _, model) = await ServeAsync();
        await using var __ = trading;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => model.ScoreAsync(Slice(0).Time, Universe));

        Assert.Contains("has no champion", error.Message, StringComparison.Ordinal);
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.Models;
using Meridian.Grains.Tests.Trading;
using static Meridian.Grains.Tests.Models.Serving.ServingFixtures;

namespace Meridian.Grains.Tests.Models.Serving;

/// <summary>The model registry: versions, stages, roll-back, and what it refuses.</summary>
public sealed class ModelRegistryTests
{
    [Fact]
    public async Task Registering_numbers_versions_and_the_same_file_twice_is_one_version()
    {
        await using var trading = await TradingSilo.StartAsync();
        var registry = trading.Grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);

        var first = await registry.RegisterAsync(LinearModel("m", 1, 0));
        var again = await registry.RegisterAsync(LinearModel("m", 1, 0));
        var second = await registry.RegisterAsync(LinearModel("m", -1, 0));

        Assert.Equal(1, first.Version);
        Assert.Equal(first, again);
        Assert.Equal(2, second.Version);
        Assert.Equal(["ROC5"], second.Features);
        Assert.Equal("ridge", second.Kind);
        Assert.All(await registry.ListAsync(), v => Assert.Equal(ModelStage.Registered, v.Stage));
        AssertServing(await registry.GetServingAsync("m"), null, []);
    }

    [Fact]
    public async Task Promote_replaces_the_champion_and_rollback_restores_the_previous_one()
    {
        await using var trading = await TradingSilo.StartAsync();
        var registry = trading.Grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
        await registry.RegisterAsync(LinearModel("m", 1, 0));
        await registry.RegisterAsync(LinearModel("m", 2, 0));
        await registry.RegisterAsync(LinearModel("m", 3, 0));

        await registry.PromoteAsync("m", 1);
        await registry.PromoteAsync("m", 2);
        await registry.ChallengeAsync("m", 3);
        AssertServing(await registry.GetServingAsync("m"), 2, [3]);
        Assert.Equal([ModelStage.Registered, ModelStage.Champion, ModelStage.Challenger], (await registry.ListAsync()).Select(v => v.Stage));

        var restored = await registry.RollBackAsync("m");

        Assert.Equal(1, restored.Version);
        Assert.Equal(ModelStage.Champion, restored.Stage);
        Assert.Equal([ModelStage.Champion, ModelStage.Registered, ModelStage.Challenger], (await registry.ListAsync()).Select(v => v.Stage));
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => registry.RollBackAsync("m"));
        Assert.Contains("no earlier champion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_passes_over_a_retired_champion()
    {
        await using var trading = await TradingSilo.StartAsync();
        var registry = trading.Grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
        for (var slope = 1; slope <= 3; slope++)
            await registry.RegisterAsync(LinearModel("m", slope, 0));
        await registry.PromoteAsync("m", 1);
        await registry.PromoteAsync("m", 2);
        await registry.PromoteAsync("m", 3);
        await registry.RetireAsync("m", 2);

        var restored = await registry.RollBackAsync("m");

        Assert.Equal(1, restored.Version);
        Assert.Equal([ModelStage.Champion, ModelStage.Retired, ModelStage.Registered], (await registry.ListAsync()).Select(v => v.Stage));
    }

    [Fact]
    public async Task A_champion_cannot_be_retired_and_a_retired_version_cannot_be_promoted()
    {
        await using var trading = await TradingSilo.StartAsync();
        var registry = trading.Grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
        await registry.RegisterAsync(LinearModel("m", 1, 0));
        await registry.RegisterAsync(LinearModel("m", 2, 0));
        await registry.PromoteAsync("m", 1);

        var championError = await Assert.ThrowsAsync<InvalidInputException>(() => registry.RetireAsync("m", 1));
        await registry.RetireAsync("m", 2);
        var retiredError = await Assert.ThrowsAsync<InvalidInputException>(() => registry.PromoteAsync("m", 2));

        Assert.Contains("it is the champion", championError.Message, StringComparison.Ordinal);
        Assert.Contains("it is retired", retiredError.Message, StringComparison.Ordinal);
        AssertServing(await registry.GetServingAsync("m"), 1, []);
    }

    [Fact]
    public async Task Promoting_a_model_whose_features_cannot_be_computed_is_refused_naming_them()
    {
        await using var trading = await TradingSilo.StartAsync();
        var registry = trading.Grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
        var info = await registry.RegisterAsync(LinearModel("m", 1, 0, feature: "SENTIMENT3"));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => registry.PromoteAsync("m", info.Version));

        Assert.Contains("cannot compute its features", error.Message, StringComparison.Ordinal);
        Assert.Contains("SENTIMENT3", error.Message, StringComparison.Ordinal);
        AssertServing(await registry.GetServingAsync("m"), null, []);
    }

    [Fact]
    public async Task A_modified_file_unknown_models_and_versions_are_refused_and_change_nothing()
    {
        await using var trading = await TradingSilo.StartAsync();
        var registry = trading.Grains.GetGrain<IModelRegistryGrain>(ModelRegistry.Key);
        var json = LinearModel("m", 1, 0);
        var tampered = json.Replace("\"ridge\"", "\"gbdt\"", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);

        await Assert.ThrowsAsync<InvalidInputException>(() => registry.RegisterAsync(tampered));
        await Assert.ThrowsAsync<InvalidInputException>(() => registry.RegisterAsync("{ not json"));
        Assert.Empty(await registry.ListAsync());

        await registry.RegisterAsync(json);
        var unknownModel = await Assert.ThrowsAsync<InvalidInputException>(() => registry.PromoteAsync("other", 1));
        var unknownVersion = await Assert.ThrowsAsync<InvalidInputException>(() => registry.PromoteAsync("m", 2));
        Assert.Contains("'other' is not a registered model; the models are m", unknownModel.Message, StringComparison.Ordinal);
        Assert.Contains("has versions 1 to 1", unknownVersion.Message, StringComparison.Ordinal);
    }

    private static void AssertServing(ModelServing serving, int? champion, int[] challengers)
    {
        Assert.Equal("m", serving.Model);
        Assert.Equal(champion, serving.Champion);
        Assert.Equal(challengers, serving.Challengers);
    }
}

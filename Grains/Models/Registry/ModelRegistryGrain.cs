using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.Models.Features;
using Meridian.Grains.Models.Learning;
using Meridian.Runtime;

namespace Meridian.Grains.Models.Registry;

/// <summary>
/// The model registry: registers model files as numbered versions, and moves versions between registered, challenger,
/// champion and retired. Every change is written before it is acknowledged; a refused change writes nothing.
/// </summary>
public sealed class ModelRegistryGrain(
    [PersistentState("model-registry", TradingStorage.Name)] IPersistentState<ModelRegistryState> state) : Grain, IModelRegistryGrain
{
    private const int MaximumNameLength = 64;

    /// <inheritdoc />
    public async Task<ModelVersionInfo> RegisterAsync(string artifactJson)
    {
        ArgumentNullException.ThrowIfNull(artifactJson);
        ModelArtifact artifact;
        try
        {
            artifact = ModelArtifact.FromJson(artifactJson);
        }
        catch (FormatException error)
        {
            throw Refused("model file", "file", error.Message);
        }
        if (NameProblem(artifact.Name) is { } problem)
            throw Refused("model file", "name", problem);
        var model = state.State.Models.TryGetValue(artifact.Name, out var known) ? known : new RegisteredModel();
        if (model.Versions.FirstOrDefault(v => v.ContentHash == artifact.ContentHash) is { } existing)
            return existing;
        var info = new ModelVersionInfo(
            artifact.Name, model.Versions.Count + 1, artifact.Kind, [.. artifact.Features], artifact.ContentHash,
            artifact.TrainedFrom, artifact.TrainedTo, new SortedDictionary<string, double>(artifact.Metrics.ToDictionary(), StringComparer.Ordinal),
            ModelStage.Registered, Clock.GetUtcNow());
        // The file is kept before the version is listed: a listed version always has its file.
        await GrainFactory.GetGrain<IModelArtifactGrain>(ModelArtifactGrain.Key(info.Model, info.Version)).StoreAsync(artifactJson);
        model.Versions.Add(info);
        state.State.Models[artifact.Name] = model;
        await state.WriteStateAsync();
        return info;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelVersionInfo>> ListAsync() => Task.FromResult<IReadOnlyList<ModelVersionInfo>>(
        [.. state.State.Models.OrderBy(m => m.Key, StringComparer.Ordinal).SelectMany(m => m.Value.Versions)]);

    /// <inheritdoc />
    public async Task<ModelVersionInfo> PromoteAsync(string model, int version)
    {
        var (registered, info) = Find(model, version, "promote");
        if (info.Stage == ModelStage.Champion)
            return info;
        if (info.Stage == ModelStage.Retired)
            throw Refused($"promoting {Label(model, version)}", "version", "it is retired");
        if (FeatureSet.TryResolve(info.Features, out var problem) is null)
            throw Refused($"promoting {Label(model, version)}", "features", $"the Model grain cannot compute its features: {problem}");
        return await MakeChampionAsync(registered, version);
    }

    /// <inheritdoc />
    public async Task<ModelVersionInfo> ChallengeAsync(string model, int version)
    {
        var (registered, info) = Find(model, version, "challenge with");
        if (info.Stage is ModelStage.Champion or ModelStage.Challenger)
            return info;
        if (info.Stage == ModelStage.Retired)
            throw Refused($"challenging with {Label(model, version)}", "version", "it is retired");
        if (FeatureSet.TryResolve(info.Features, out var problem) is null)
            throw Refused($"challenging with {Label(model, version)}", "features", $"the Model grain cannot compute its features: {problem}");
        return await SetStageAsync(registered, version, ModelStage.Challenger);
    }

    /// <inheritdoc />
    public async Task<ModelVersionInfo> RetireAsync(string model, int version)
    {
        var (registered, info) = Find(model, version, "retire");
        if (info.Stage == ModelStage.Champion)
            throw Refused($"retiring {Label(model, version)}", "version", "it is the champion: promote another version or roll back first");
        if (info.Stage == ModelStage.Retired)
            return info;
        return await SetStageAsync(registered, version, ModelStage.Retired);
    }

    /// <inheritdoc />
    public async Task<ModelVersionInfo> RollBackAsync(string model)
    {
        var registered = Model(model, "roll back");
        // The previous champion still serviceable: retired ones are passed over.
        var previous = registered.Champions.Take(registered.Champions.Count - 1).Reverse()
            .FirstOrDefault(v => v != registered.Champions[^1] && registered.Versions[v - 1].Stage != ModelStage.Retired);
        if (registered.Champions.Count == 0 || previous == 0)
            throw Refused($"rolling back model '{model}'", "model", "there is no earlier champion to go back to");
        var current = registered.Champions[^1];
        registered.Champions.RemoveAt(registered.Champions.Count - 1);
        while (registered.Champions[^1] != previous)
            registered.Champions.RemoveAt(registered.Champions.Count - 1);
        registered.Versions[current - 1] = registered.Versions[current - 1] with { Stage = ModelStage.Registered };
        registered.Versions[previous - 1] = registered.Versions[previous - 1] with { Stage = ModelStage.Champion };
        await state.WriteStateAsync();
        return registered.Versions[previous - 1];
    }

    /// <inheritdoc />
    public Task<ModelServing> GetServingAsync(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!state.State.Models.TryGetValue(model, out var registered))
            return Task.FromResult(new ModelServing(model, null, []));
        var champion = registered.Champions.Count > 0 ? registered.Champions[^1] : (int?)null;
        return Task.FromResult(new ModelServing(
            model, champion, [.. registered.Versions.Where(v => v.Stage == ModelStage.Challenger).Select(v => v.Version)]));
    }

    private async Task<ModelVersionInfo> MakeChampionAsync(RegisteredModel registered, int version)
    {
        if (registered.Champions.Count > 0)
        {
            var current = registered.Champions[^1];
            registered.Versions[current - 1] = registered.Versions[current - 1] with { Stage = ModelStage.Registered };
        }
        registered.Champions.Add(version);
        return await SetStageAsync(registered, version, ModelStage.Champion);
    }

    private async Task<ModelVersionInfo> SetStageAsync(RegisteredModel registered, int version, ModelStage stage)
    {
        registered.Versions[version - 1] = registered.Versions[version - 1] with { Stage = stage };
        await state.WriteStateAsync();
        return registered.Versions[version - 1];
    }

    private (RegisteredModel Model, ModelVersionInfo Version) Find(string model, int version, string action)
    {
        var registered = Model(model, action);
        if (version < 1 || version > registered.Versions.Count)
        {
            throw Refused($"{action} {Label(model, version)}", "version",
                $"model '{model}' has versions 1 to {registered.Versions.Count.ToString(CultureInfo.InvariantCulture)}");
        }
        return (registered, registered.Versions[version - 1]);
    }

    private RegisteredModel Model(string model, string action)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (state.State.Models.TryGetValue(model, out var registered))
            return registered;
        var known = state.State.Models.Count == 0 ? "none is registered" : $"the models are {string.Join(", ", state.State.Models.Keys.Order(StringComparer.Ordinal))}";
        throw Refused($"{action} model '{model}'", "model", $"'{model}' is not a registered model; {known}");
    }

    /// <summary>Why <paramref name="name"/> cannot name a model, or null: 1 to 64 letters, digits, '-', '_' or '.'.</summary>
    internal static string? NameProblem(string name) =>
        string.IsNullOrEmpty(name) || name.Length > MaximumNameLength ? $"'{name}' must be 1 to {MaximumNameLength} characters"
        : name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? null
        : $"'{name}' may hold only letters, digits, '-', '_' and '.'";

    private static string Label(string model, int version) => $"{model} version {version.ToString(CultureInfo.InvariantCulture)}";

    private static InvalidInputException Refused(string what, string field, string reason) => new(what, [new FieldError(field, reason)]);
}

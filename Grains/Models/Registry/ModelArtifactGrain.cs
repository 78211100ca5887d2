using Meridian.Runtime;

namespace Meridian.Grains.Models.Registry;

/// <summary>Keeps one model version's file in the database. The registry writes it once, before the version is listed.</summary>
public sealed class ModelArtifactGrain(
    [PersistentState("model-artifact", TradingStorage.Name)] IPersistentState<ModelArtifactState> state) : Grain, IModelArtifactGrain
{
    /// <inheritdoc />
    public async Task StoreAsync(string artifactJson)
    {
        ArgumentNullException.ThrowIfNull(artifactJson);
        if (state.State.Json is { } stored)
        {
            if (stored == artifactJson)
                return;
            throw new InvalidOperationException($"model version '{this.GetPrimaryKeyString()}' already has a different file");
        }
        state.State.Json = artifactJson;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<string?> GetAsync() => Task.FromResult(state.State.Json);

    /// <summary>The key of <paramref name="model"/>'s version <paramref name="version"/>.</summary>
    public static string Key(string model, int version) => $"{model}/{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>The persisted state of a <see cref="ModelArtifactGrain"/>.</summary>
public sealed class ModelArtifactState
{
    /// <summary>The model file, once stored.</summary>
    public string? Json { get; set; }
}

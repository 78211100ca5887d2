using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Grains.Models;

/// <summary>
/// The model registry, one grain (key <see cref="ModelRegistry.Key"/>) kept in the silo's database: every model's
/// versions and stages, and the history of its champions for roll-back. Model files themselves live in
/// <see cref="IModelArtifactGrain"/>s. Bad input (a malformed or modified file, an unknown model or version, a model
/// whose features cannot be computed) throws <see cref="Domain.InvalidInputException"/> saying why; nothing changes.
/// </summary>
public interface IModelRegistryGrain : IGrainWithStringKey
{
    /// <summary>Registers a model file (JSON) as the next version of the model it names; the same content again returns the existing version.</summary>
    Task<ModelVersionInfo> RegisterAsync(string artifactJson);

    /// <summary>Every version of every model, by model then version.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ModelVersionInfo>> ListAsync();

    /// <summary>Makes <paramref name="version"/> the champion; the previous champion goes back to registered. Refused for a retired version or features the Model grain cannot compute.</summary>
    Task<ModelVersionInfo> PromoteAsync(string model, int version);

    /// <summary>Adds <paramref name="version"/> as a challenger, scored in shadow.</summary>
    Task<ModelVersionInfo> ChallengeAsync(string model, int version);

    /// <summary>Retires <paramref name="version"/> (a champion cannot be retired: promote another first).</summary>
    Task<ModelVersionInfo> RetireAsync(string model, int version);

    /// <summary>Makes the previous champion the champion again; refused when there is none to go back to.</summary>
    Task<ModelVersionInfo> RollBackAsync(string model);

    /// <summary>What <paramref name="model"/> serves now.</summary>
    [ReadOnly]
    Task<ModelServing> GetServingAsync(string model);
}

/// <summary>Where the registry lives.</summary>
public static class ModelRegistry
{
    /// <summary>The registry grain's key.</summary>
    public const string Key = "registry";
}

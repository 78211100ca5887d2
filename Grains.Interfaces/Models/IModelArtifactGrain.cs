using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Grains.Models;

/// <summary>One model version's file, kept in the database, keyed "model/version". Written once by the registry.</summary>
public interface IModelArtifactGrain : IGrainWithStringKey
{
    /// <summary>Keeps <paramref name="artifactJson"/>; a second, different file for the same key is refused.</summary>
    Task StoreAsync(string artifactJson);

    /// <summary>The file, or null when none was stored.</summary>
    [ReadOnly]
    Task<string?> GetAsync();
}

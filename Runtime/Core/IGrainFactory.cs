using Meridian.Runtime.Streams;

namespace Meridian.Runtime;

/// <summary>
/// Creates grain references. Getting a reference is cheap and never activates the grain: activation happens on
/// the first call.
/// </summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain with a string key.</summary>
    /// <param name="primaryKey">The grain's key.</param>
    /// <param name="grainClassNamePrefix">Picks among several grain classes implementing the interface.</param>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference to the grain with a Guid key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey;

    /// <summary>A reference to the grain with an integer key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>A reference to the grain with a Guid key and a string extension.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey;

    /// <summary>A reference to the grain with an integer key and a string extension.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey;

    /// <summary>A reference to the grain with a known id (for instance one read back from storage).</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;

    /// <summary>A reference through <paramref name="grainInterfaceType"/> to the grain with a known id.</summary>
    IAddressable GetGrain(Type grainInterfaceType, GrainId grainId);
}

/// <summary>What code outside grains uses: grain references and stream providers.</summary>
public interface IClusterClient : IGrainFactory
{
    /// <summary>The stream provider registered under <paramref name="name"/>.</summary>
    IStreamProvider GetStreamProvider(string name);
}

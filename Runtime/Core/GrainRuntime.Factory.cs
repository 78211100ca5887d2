namespace Meridian.Runtime.Core;

/// <summary>Grain references: cheap to make, never activating.</summary>
internal sealed partial class GrainRuntime
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey =>
        Reference<TGrainInterface>(GrainKey.FromString(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey =>
        Reference<TGrainInterface>(GrainKey.FromGuid(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        Reference<TGrainInterface>(GrainKey.FromInteger(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey =>
        Reference<TGrainInterface>(GrainKey.FromGuidCompound(primaryKey, keyExtension), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey =>
        Reference<TGrainInterface>(GrainKey.FromIntegerCompound(primaryKey, keyExtension), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain =>
        (TGrainInterface)GetGrain(typeof(TGrainInterface), grainId);

    /// <summary>A reference through <paramref name="interfaceType"/> to the grain with a known id.</summary>
    public IAddressable GetGrain(Type interfaceType, GrainId grainId)
    {
        var info = Registry.ResolveInterface(interfaceType);
        var grainClass = Registry.FindClass(grainId.Type)
            ?? throw new ArgumentException($"grain id {grainId} names grain type '{grainId.Type}', which this silo does not have", nameof(grainId));
        if (!grainClass.Interfaces.Contains(interfaceType))
            throw new ArgumentException($"grain type '{grainId.Type}' ({grainClass.ClassType.Name}) does not implement {interfaceType.Name}", nameof(interfaceType));
        if (grainId.Key.Kind != info.KeyKind)
            throw new ArgumentException($"grain id {grainId} has a {grainId.Key.Kind} key but {interfaceType.Name} is keyed by {info.KeyKind}", nameof(grainId));
        return info.CreateReference(this, grainClass, grainId.Key);
    }

    private TGrainInterface Reference<TGrainInterface>(GrainKey key, string? grainClassNamePrefix)
    {
        var (info, grainClass) = Registry.Resolve(typeof(TGrainInterface), grainClassNamePrefix);
        return (TGrainInterface)(object)info.CreateReference(this, grainClass, key);
    }
}

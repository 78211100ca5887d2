namespace Meridian.Runtime.CodeGeneration;

/// <summary>Collects grain interfaces and grain classes from the generated manifests of the application's assemblies.</summary>
public sealed class GrainManifestBuilder
{
    internal Dictionary<Type, Func<GrainReferenceShared, GrainId, GrainReference>> Interfaces { get; } = [];

    internal Dictionary<Type, Func<IServiceProvider, IGrainActivationContext, object>> Classes { get; } = [];

    /// <summary>Registers a grain interface and the factory of its generated proxy.</summary>
    public void AddInterface(Type interfaceType, Func<GrainReferenceShared, GrainId, GrainReference> createProxy)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(createProxy);
        Interfaces[interfaceType] = createProxy;
    }

    /// <summary>Registers a grain class and the generated factory that constructs it with its dependencies.</summary>
    public void AddGrainClass(Type grainClass, Func<IServiceProvider, IGrainActivationContext, object> create)
    {
        ArgumentNullException.ThrowIfNull(grainClass);
        ArgumentNullException.ThrowIfNull(create);
        Classes[grainClass] = create;
    }
}

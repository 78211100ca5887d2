using Meridian.Runtime.Core;

namespace Meridian.Runtime.CodeGeneration;

/// <summary>What every reference of one grain interface to one grain class shares: the runtime and both types.</summary>
public sealed class GrainReferenceShared
{
    internal GrainReferenceShared(GrainRuntime runtime, Type interfaceType, GrainClassInfo grainClass)
    {
        Runtime = runtime;
        InterfaceType = interfaceType;
        GrainClass = grainClass;
    }

    internal GrainRuntime Runtime { get; }

    /// <summary>The grain interface the references implement.</summary>
    public Type InterfaceType { get; }

    internal GrainClassInfo GrainClass { get; }
}

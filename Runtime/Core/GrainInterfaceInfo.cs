using System.Collections.Concurrent;
using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>What the runtime knows of a grain interface: its key kind, proxy factory and implementing classes.</summary>
internal sealed class GrainInterfaceInfo(Type interfaceType, Func<GrainReferenceShared, GrainId, GrainReference> createProxy)
{
    private static readonly HashSet<Type> s_markers =
    [
        typeof(IAddressable), typeof(IGrain), typeof(IGrainWithStringKey), typeof(IGrainWithGuidKey),
        typeof(IGrainWithIntegerKey), typeof(IGrainWithGuidCompoundKey), typeof(IGrainWithIntegerCompoundKey),
    ];

    private readonly ConcurrentDictionary<GrainClassInfo, GrainReferenceShared> _shared = new();

    public Type InterfaceType { get; } = interfaceType;

    public GrainKeyKind KeyKind { get; } = KeyKindOf(interfaceType);

    public List<GrainClassInfo> Classes { get; } = [];

    /// <summary>The class that serves calls without a class prefix: the only one, or the [DefaultGrainType] one.</summary>
    public GrainClassInfo? DefaultClass { get; set; }

    public static bool IsGrainInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && !s_markers.Contains(type);

    public GrainReference CreateReference(GrainRuntime runtime, GrainClassInfo grainClass, GrainKey key)
    {
        var shared = _shared.GetOrAdd(grainClass, static (c, state) => new GrainReferenceShared(state.runtime, state.type, c), (runtime, type: InterfaceType));
        return createProxy(shared, new GrainId(grainClass.GrainType, key));
    }

    private static GrainKeyKind KeyKindOf(Type interfaceType)
    {
        if (typeof(IGrainWithStringKey).IsAssignableFrom(interfaceType))
            return GrainKeyKind.String;
        if (typeof(IGrainWithGuidCompoundKey).IsAssignableFrom(interfaceType))
            return GrainKeyKind.GuidCompound;
        if (typeof(IGrainWithIntegerCompoundKey).IsAssignableFrom(interfaceType))
            return GrainKeyKind.IntegerCompound;
        if (typeof(IGrainWithGuidKey).IsAssignableFrom(interfaceType))
            return GrainKeyKind.Guid;
        if (typeof(IGrainWithIntegerKey).IsAssignableFrom(interfaceType))
            return GrainKeyKind.Integer;
        return 0;
    }
}

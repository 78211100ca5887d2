using System.Reflection;
using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>The silo's grain interfaces and classes, from the generated manifests, checked once at startup.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainInterfaceInfo> _interfaces = [];
    private readonly Dictionary<string, GrainClassInfo> _classesByType = new(StringComparer.Ordinal);

    private GrainTypeRegistry() { }

    public IReadOnlyCollection<GrainClassInfo> Classes => _classesByType.Values;

    /// <summary>Builds the registry from the manifests of <paramref name="assemblies"/>, adding every problem found to <paramref name="errors"/>.</summary>
    public static GrainTypeRegistry Build(IEnumerable<Assembly> assemblies, List<string> errors)
    {
        var manifest = new GrainManifestBuilder();
        foreach (var assembly in assemblies.Distinct())
        {
            if (assembly.GetCustomAttribute<GrainManifestProviderAttribute>() is { } attribute)
                ((IGrainManifestProvider)Activator.CreateInstance(attribute.ProviderType)!).Populate(manifest);
        }

        var registry = new GrainTypeRegistry();
        foreach (var (type, createProxy) in manifest.Interfaces)
            registry._interfaces[type] = new GrainInterfaceInfo(type, createProxy);

        foreach (var (type, factory) in manifest.Classes)
        {
            var info = new GrainClassInfo(type, factory);
            if (registry._classesByType.TryGetValue(info.GrainType, out var clash))
            {
                errors.Add($"grain classes {clash.ClassType.FullName} and {type.FullName} both have grain type '{info.GrainType}': give one a [GrainType(\"...\")]");
                continue;
            }

            registry._classesByType[info.GrainType] = info;
            foreach (var grainInterface in info.Interfaces)
            {
                if (registry._interfaces.TryGetValue(grainInterface, out var interfaceInfo))
                    interfaceInfo.Classes.Add(info);
            }
        }

        foreach (var info in registry._interfaces.Values)
            ChooseDefaultClass(info, errors);
        return registry;
    }

    private static void ChooseDefaultClass(GrainInterfaceInfo info, List<string> errors)
    {
        if (info.Classes.Count == 1)
        {
            info.DefaultClass = info.Classes[0];
            return;
        }

        var chosen = info.InterfaceType.GetCustomAttribute<DefaultGrainTypeAttribute>()?.GrainType;
        if (info.Classes.Count > 1 && chosen is null)
        {
            errors.Add($"grain interface {info.InterfaceType.FullName} is implemented by {Describe(info.Classes)}: " +
                "mark the interface [DefaultGrainType(\"...\")] to choose the class that serves calls without a grain class name prefix");
            return;
        }

        if (chosen is not null)
        {
            info.DefaultClass = info.Classes.Find(c => c.GrainType == chosen);
            if (info.DefaultClass is null)
                errors.Add($"[DefaultGrainType(\"{chosen}\")] on {info.InterfaceType.FullName} names no class implementing it (have: {Describe(info.Classes)})");
        }
    }

    private static string Describe(IEnumerable<GrainClassInfo> classes) => string.Join(", ", classes.Select(c => c.ToString()));

    public GrainClassInfo? FindClass(string grainType) => _classesByType.GetValueOrDefault(grainType);

    /// <summary>The interface's info and the class that serves it; a clear error when there is none.</summary>
    public (GrainInterfaceInfo Interface, GrainClassInfo Class) Resolve(Type interfaceType, string? grainClassNamePrefix)
    {
        if (!_interfaces.TryGetValue(interfaceType, out var info))
        {
            throw new ArgumentException(
                $"{interfaceType.FullName} is not a grain interface known to this silo: it must extend one of the IGrainWith...Key " +
                "interfaces, and its assembly must be built with the Meridian code generator and registered with the silo",
                nameof(interfaceType));
        }

        if (info.Classes.Count == 0)
            throw new ArgumentException($"no grain class implements {interfaceType.FullName}", nameof(interfaceType));

        if (grainClassNamePrefix is null)
            return (info, info.DefaultClass!);

        var matches = info.Classes
            .Where(c => c.GrainType == grainClassNamePrefix || (c.ClassType.FullName ?? c.ClassType.Name).StartsWith(grainClassNamePrefix, StringComparison.Ordinal))
            .ToList();
        return matches.Count switch
        {
            1 => (info, matches[0]),
            0 => throw new ArgumentException($"no grain class implementing {interfaceType.FullName} matches the prefix '{grainClassNamePrefix}' (have: {Describe(info.Classes)})", nameof(grainClassNamePrefix)),
            _ => throw new ArgumentException($"the prefix '{grainClassNamePrefix}' matches several grain classes implementing {interfaceType.FullName}: {Describe(matches)}", nameof(grainClassNamePrefix)),
        };
    }

    /// <summary>The interface info for a reference to a grain whose class is known from its id.</summary>
    public GrainInterfaceInfo ResolveInterface(Type interfaceType) =>
        _interfaces.TryGetValue(interfaceType, out var info)
            ? info
            : throw new ArgumentException($"{interfaceType.FullName} is not a grain interface known to this silo", nameof(interfaceType));
}

using System.Reflection;
using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Hosting;

/// <summary>Finds the assemblies that carry a generated grain manifest.</summary>
internal static class GrainAssemblyDiscovery
{
    /// <summary>
    /// The configured assemblies; when none are configured, the loaded assemblies and the entry assembly's
    /// references (loaded here, so that a grain assembly nobody has touched yet is still found).
    /// </summary>
    public static IEnumerable<Assembly> Find(IList<Assembly> configured)
    {
        if (configured.Count > 0)
            return configured;

        var found = new HashSet<Assembly>(AppDomain.CurrentDomain.GetAssemblies());
        var pending = new Queue<Assembly>(found);
        if (Assembly.GetEntryAssembly() is { } entry && found.Add(entry))
            pending.Enqueue(entry);

        while (pending.TryDequeue(out var assembly))
        {
            if (IsFramework(assembly.GetName()))
                continue;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsFramework(reference))
                    continue;
                try
                {
                    var loaded = Assembly.Load(reference);
                    if (found.Add(loaded))
                        pending.Enqueue(loaded);
                }
                catch (IOException)
                {
                    // A reference that is not deployed cannot hold grains this process runs.
                }
                catch (BadImageFormatException)
                {
                }
            }
        }

        return found.Where(a => a.GetCustomAttribute<GrainManifestProviderAttribute>() is not null);
    }

    private static bool IsFramework(AssemblyName name) =>
        name.Name is null || name.Name.StartsWith("System", StringComparison.Ordinal) ||
        name.Name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.Name is "mscorlib" or "netstandard";
}

using System.Reflection;

namespace Meridian.Runtime.Hosting;

/// <summary>The silo's general options.</summary>
public sealed class SiloOptions
{
    /// <summary>Identifies the service in storage keys, so that two services can share a database. Default "meridian".</summary>
    public string ServiceId { get; set; } = "meridian";

    /// <summary>How long a caller waits for a grain call before it fails with a <see cref="TimeoutException"/>. Default 30 s, as Orleans.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Assemblies whose generated grain manifests the silo loads. When empty, the silo uses the assemblies
    /// loaded in the process plus the entry assembly's references.
    /// </summary>
    public IList<Assembly> GrainAssemblies { get; } = [];
}

/// <summary>Idle collection of activations (Orleans' GrainCollectionOptions).</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>An activation idle this long is deactivated. Default 15 minutes, as Orleans; a class may override it with [CollectionAgeLimit].</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; an activation goes between age and age + quantum after its last use. Default 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a stopping silo waits for an activation's running requests before it deactivates it anyway.
    /// Default 30 s, as Orleans.
    /// </summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

namespace Meridian.Runtime.CodeGeneration;

/// <summary>
/// Emitted by the code generator on every assembly that declares grain interfaces or grain classes; the silo
/// finds the assembly's manifest through it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class GrainManifestProviderAttribute(Type providerType) : Attribute
{
    /// <summary>A class implementing <see cref="IGrainManifestProvider"/> with a parameterless constructor.</summary>
    public Type ProviderType { get; } = providerType;
}

/// <summary>Generated per assembly: registers the assembly's grain interfaces (with their proxies) and grain classes.</summary>
public interface IGrainManifestProvider
{
    /// <summary>Adds this assembly's grain interfaces and classes to <paramref name="manifest"/>.</summary>
    void Populate(GrainManifestBuilder manifest);
}

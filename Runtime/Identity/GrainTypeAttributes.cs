namespace Meridian.Runtime;

/// <summary>Names the grain type of a grain class (default: the class name, lower-cased, without a "Grain" suffix).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    /// <summary>The grain type, stable across renames of the class: it is part of every storage key.</summary>
    public string GrainType { get; } = grainType;
}

/// <summary>
/// Chooses the grain class that serves a grain interface implemented by several classes, when the caller gives
/// no grain class name prefix.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class DefaultGrainTypeAttribute(string grainType) : Attribute
{
    /// <summary>The grain type that serves the interface by default.</summary>
    public string GrainType { get; } = grainType;
}

/// <summary>Overrides the idle time after which activations of this grain class are collected.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    /// <summary>Collects activations idle for <paramref name="minutes"/> minutes.</summary>
    public CollectionAgeLimitAttribute(double minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minutes, 0);
        Age = TimeSpan.FromMinutes(minutes);
    }

    /// <summary>The idle time after which an activation is collected.</summary>
    public TimeSpan Age { get; }
}

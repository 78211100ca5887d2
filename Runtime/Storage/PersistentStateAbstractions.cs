namespace Meridian.Runtime;

/// <summary>
/// A grain's persisted state, injected into a constructor parameter marked <see cref="PersistentStateAttribute"/>.
/// Read before <c>OnActivateAsync</c>; written only when the grain calls <see cref="IStorage.WriteStateAsync"/>.
/// </summary>
public interface IPersistentState<TState> : IStorage
{
    /// <summary>The state; a new default value when nothing is stored.</summary>
    TState State { get; set; }
}

/// <summary>The untyped operations of a persistent state.</summary>
public interface IStorage
{
    /// <summary>The version of the stored record that <c>State</c> came from; null when there is none.</summary>
    string? Etag { get; }

    /// <summary>True when a record is stored.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the stored state again.</summary>
    Task ReadStateAsync();

    /// <summary>Writes the state. Throws <see cref="InconsistentStateException"/> when someone else wrote it since it was read.</summary>
    Task WriteStateAsync();

    /// <summary>Deletes the stored state and resets <c>State</c> to its default.</summary>
    Task ClearStateAsync();
}

/// <summary>Binds a grain constructor parameter of type <see cref="IPersistentState{TState}"/> to a named state in a named storage provider.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string storageName = PersistentStateAttribute.DefaultStorage) : Attribute
{
    /// <summary>The storage provider used when none is named.</summary>
    public const string DefaultStorage = "Default";

    /// <summary>The state's name within the grain; part of its storage key.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The registered storage provider that holds the state.</summary>
    public string StorageName { get; } = storageName;
}

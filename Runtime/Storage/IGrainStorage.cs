namespace Meridian.Runtime.Storage;

/// <summary>
/// A grain storage provider. The record key is (state name, grain id): the grain id carries the grain type and
/// the typed key, so grain types never collide and keys are never re-parsed.
/// </summary>
/// <remarks>
/// ETag rules every provider follows (checked by the storage conformance suite): a missing record has a null
/// ETag; a write or a clear must present the ETag of the record as it is stored (null when there is none) or
/// throw <see cref="InconsistentStateException"/> and change nothing; each successful write or clear gives a new
/// ETag; a clear leaves no record (<c>RecordExists</c> false) but its ETag keeps counting, so an ETag from before
/// the clear stays stale.
/// </remarks>
public interface IGrainStorage
{
    /// <summary>Reads the record into <paramref name="grainState"/>.</summary>
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    /// <summary>Writes <paramref name="grainState"/> if its ETag is current, and sets the new ETag.</summary>
    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    /// <summary>Deletes the record if the ETag is current, and resets the state.</summary>
    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);
}

/// <summary>A state with its storage metadata, as exchanged with a storage provider.</summary>
public interface IGrainState<TState>
{
    /// <summary>The state.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored record; null when none was read or written.</summary>
    string? ETag { get; set; }

    /// <summary>True when a record is stored.</summary>
    bool RecordExists { get; set; }
}

/// <summary>A plain <see cref="IGrainState{TState}"/>, for providers and tests.</summary>
public sealed class GrainState<TState>(TState state) : IGrainState<TState>
{
    /// <summary>Starts from the state type's default value.</summary>
    public GrainState() : this(StateDefaults.Create<TState>()) { }

    /// <inheritdoc />
    public TState State { get; set; } = state;

    /// <inheritdoc />
    public string? ETag { get; set; }

    /// <inheritdoc />
    public bool RecordExists { get; set; }
}

/// <summary>Default values for states: a new instance for classes with a parameterless constructor, else default.</summary>
public static class StateDefaults
{
    /// <summary>A fresh default value of <typeparamref name="TState"/>.</summary>
    public static TState Create<TState>()
    {
        var type = typeof(TState);
        if (type.IsValueType)
            return default!;
        if (type == typeof(string))
            return (TState)(object)string.Empty;
        return type.GetConstructor(Type.EmptyTypes) is not null && !type.IsAbstract ? Activator.CreateInstance<TState>() : default!;
    }
}

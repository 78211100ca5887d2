namespace Meridian.Runtime.CodeGeneration;

/// <summary>What a generated grain factory needs from the activation it constructs a grain for.</summary>
public interface IGrainActivationContext
{
    /// <summary>The identity of the grain being activated.</summary>
    GrainId GrainId { get; }

    /// <summary>The state bound to a constructor parameter marked <see cref="PersistentStateAttribute"/>.</summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName, string storageName);
}

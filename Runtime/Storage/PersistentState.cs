using System.Text.Json.Nodes;
using Meridian.Runtime.Core;
using Meridian.Runtime.Storage;

namespace Meridian.Runtime;

/// <summary>What the activation and introspection need of a state, whatever its type.</summary>
internal interface IPersistentStateBinding
{
    string StateName { get; }

    string StorageName { get; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    JsonNode? ToJson();
}

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: forwards to the storage provider and enforces ETags.</summary>
internal sealed class PersistentState<TState>(ActivationData activation, string stateName, string storageName, IGrainStorage storage)
    : IPersistentState<TState>, IGrainState<TState>, IPersistentStateBinding
{
    public TState State { get; set; } = StateDefaults.Create<TState>();

    public string? ETag { get; set; }

    public string? Etag => ETag;

    public bool RecordExists { get; set; }

    public string StateName => stateName;

    public string StorageName => storageName;

    public async Task ReadStateAsync()
    {
        using var _ = activation.Runtime.WorkTracker?.Track() ?? default;
        await storage.ReadStateAsync(stateName, activation.GrainId, this).ConfigureAwait(true);
    }

    public async Task WriteStateAsync()
    {
        using var _ = activation.Runtime.WorkTracker?.Track() ?? default;
        try
        {
            await storage.WriteStateAsync(stateName, activation.GrainId, this).ConfigureAwait(true);
        }
        catch (InconsistentStateException exception)
        {
            activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationError, exception.Message));
            throw;
        }
    }

    public async Task ClearStateAsync()
    {
        using var _ = activation.Runtime.WorkTracker?.Track() ?? default;
        try
        {
            await storage.ClearStateAsync(stateName, activation.GrainId, this).ConfigureAwait(true);
        }
        catch (InconsistentStateException exception)
        {
            activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationError, exception.Message));
            throw;
        }
    }

    public JsonNode? ToJson() => System.Text.Json.JsonSerializer.SerializeToNode(State, StateJson.Options);
}

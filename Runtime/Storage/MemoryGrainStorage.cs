using System.Globalization;
using System.Text.Json;

namespace Meridian.Runtime.Storage;

/// <summary>
/// Grain storage in memory, for tests and simulations. States are kept as JSON, as a durable provider would keep
/// them, so a grain never shares an object with the store.
/// </summary>
public sealed class MemoryGrainStorage(string name) : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string StateName, GrainId GrainId), Record> _records = [];

    /// <summary>The provider's registered name.</summary>
    public string Name { get; } = name;

    /// <inheritdoc />
    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        Record? record;
        lock (_lock)
            _records.TryGetValue((stateName, grainId), out record);

        grainState.State = record?.Json is { } json ? JsonSerializer.Deserialize<TState>(json, StateJson.Options)! : StateDefaults.Create<TState>();
        grainState.ETag = record is null ? null : Etag(record.Version);
        grainState.RecordExists = record?.Json is not null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var json = JsonSerializer.SerializeToUtf8Bytes(grainState.State, StateJson.Options);
        var version = Update(stateName, grainId, grainState.ETag, json, "write");
        grainState.ETag = Etag(version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var version = Update(stateName, grainId, grainState.ETag, json: null, "clear");
        grainState.ETag = Etag(version);
        grainState.RecordExists = false;
        grainState.State = StateDefaults.Create<TState>();
        return Task.CompletedTask;
    }

    private long Update(string stateName, GrainId grainId, string? presentedEtag, byte[]? json, string operation)
    {
        lock (_lock)
        {
            var key = (stateName, grainId);
            _records.TryGetValue(key, out var record);
            var storedEtag = record is null ? null : Etag(record.Version);
            if (!string.Equals(storedEtag, presentedEtag, StringComparison.Ordinal))
            {
                throw new InconsistentStateException(
                    $"{operation} of state '{stateName}' of grain {grainId} in storage '{Name}' refused: stored ETag is " +
                    $"'{storedEtag ?? "(none)"}' but the grain presented '{presentedEtag ?? "(none)"}' (someone else wrote it since it was read)",
                    storedEtag,
                    presentedEtag);
            }

            var version = (record?.Version ?? 0) + 1;
            _records[key] = new Record(json, version);
            return version;
        }
    }

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record Record(byte[]? Json, long Version);
}

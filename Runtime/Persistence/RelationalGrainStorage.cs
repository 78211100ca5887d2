using System.Globalization;
using System.Text.Json;
using Meridian.Runtime.Storage;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// Grain storage in PostgreSQL or SQLite. The row key is (service id, grain type, typed key, state name); the
/// ETag is the row's version. Writes are group-committed; a write is acknowledged only once durable.
/// </summary>
internal sealed class RelationalGrainStorage(string name, string serviceId, RelationalDatabase database, GroupCommitWriter<StateWrite> writer) : IGrainStorage
{
    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = StateRowKey.Of(serviceId, stateName, grainId);
        var row = await ReadRowAsync(key).ConfigureAwait(false);
        if (row is null)
        {
            grainState.State = StateDefaults.Create<TState>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var (payload, version) = row.Value;
        grainState.State = payload is null ? StateDefaults.Create<TState>() : Deserialize<TState>(payload, key, grainId);
        grainState.ETag = Etag(version);
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = JsonSerializer.Serialize(grainState.State, StateJson.Options);
        grainState.ETag = Etag(await CommitAsync(stateName, grainId, grainState.ETag, payload, "write").ConfigureAwait(false));
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        grainState.ETag = Etag(await CommitAsync(stateName, grainId, grainState.ETag, payload: null, "clear").ConfigureAwait(false));
        grainState.RecordExists = false;
        grainState.State = StateDefaults.Create<TState>();
    }

    private async Task<long> CommitAsync(string stateName, GrainId grainId, string? etag, string? payload, string operation)
    {
        var key = StateRowKey.Of(serviceId, stateName, grainId);
        long? expected = etag is null ? null : ParseEtag(etag, key);
        try
        {
            var write = new StateWrite(key, payload, expected);
            writer.Enqueue(write);
            return await write.Done.ConfigureAwait(false);
        }
        catch (StateVersionConflict)
        {
            var stored = (await ReadRowAsync(key).ConfigureAwait(false))?.Version;
            throw new InconsistentStateException(
                $"{operation} of state '{stateName}' of grain {grainId} in storage '{name}' refused: stored ETag is " +
                $"'{(stored is null ? "(none)" : Etag(stored.Value))}' but the grain presented '{etag ?? "(none)"}' (someone else wrote it since it was read)",
                stored is null ? null : Etag(stored.Value),
                etag);
        }
    }

    /// <summary>The row's payload (null after a clear) and version; null when there is no row.</summary>
    private async Task<(string? Payload, long Version)?> ReadRowAsync(StateRowKey key)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = database.Command(connection, RelationalDatabase.ReadSql);
        database.AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
            return null;
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1));
    }

    private TState Deserialize<TState>(string payload, StateRowKey key, GrainId grainId)
    {
        try
        {
            return JsonSerializer.Deserialize<TState>(payload, StateJson.Options)!;
        }
        catch (JsonException exception)
        {
            throw new InvalidGrainStateException(
                $"the stored state of grain {grainId} cannot be read as {typeof(TState).Name}: row {key} of table grain_state " +
                $"in storage '{name}' ({database.Kind}): {exception.Message}", exception);
        }
    }

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private long ParseEtag(string etag, StateRowKey key) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"ETag '{etag}' for row {key} in storage '{name}' was not issued by this storage", null, etag);
}

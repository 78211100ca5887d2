using System.Data.Common;
using System.Globalization;
using Meridian.Runtime.Persistence;

namespace Meridian.Runtime.Streams.Durable;

/// <summary>
/// The durable streams' tables, for one service and one provider: events, explicit subscriptions, checkpoints
/// and dead letters. Every statement's first two parameters are the service id and the provider name.
/// </summary>
internal sealed class StreamStore(RelationalDatabase database, string serviceId, string provider)
{
    private const string Scope = "service_id = $1 AND provider = $2";
    private const string StreamScope = Scope + " AND stream_ns = $3 AND stream_key = $4";

    public RelationalDatabase Database => database;

    public string AppendSql { get; } =
        "INSERT INTO stream_event (service_id, provider, stream_ns, stream_key, seq, event_id, event_type, payload) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    public SqlStatement Append(StreamEvent e) => new(
        AppendSql,
        [serviceId, provider, e.StreamId.Namespace, e.StreamId.Key.ToString(), e.Sequence, Text(e.EventId), StreamEvent.TypeName(e.ItemType), e.Payload]);

    /// <summary>The last sequence number of a stream; 0 when it has none.</summary>
    public async Task<long> HeadAsync(DbConnection connection, DbTransaction? transaction, StreamId streamId, CancellationToken cancellationToken)
    {
        await using var command = database.Command(
            connection, $"SELECT COALESCE(MAX(seq), 0) FROM stream_event WHERE {StreamScope}", transaction, StreamArgs(streamId));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Which of <paramref name="eventIds"/> are stored already.</summary>
    public async Task<HashSet<Guid>> ExistingIdsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        var found = new HashSet<Guid>();
        if (eventIds.Count == 0)
            return found;
        var placeholders = string.Join(", ", Enumerable.Range(3, eventIds.Count).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));
        object?[] args = [serviceId, provider, .. eventIds.Select(id => (object?)Text(id))];
        await using var command = database.Command(connection, $"SELECT event_id FROM stream_event WHERE {Scope} AND event_id IN ({placeholders})", transaction, args);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            found.Add(Guid.Parse(reader.GetString(0)));
        return found;
    }

    /// <summary>Every stream of the provider with events, and its last sequence number.</summary>
    public async Task<List<(StreamId Stream, long Head)>> StreamsAsync(CancellationToken cancellationToken)
    {
        var streams = new List<(StreamId, long)>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = database.Command(
            connection, $"SELECT stream_ns, stream_key, MAX(seq) FROM stream_event WHERE {Scope} GROUP BY stream_ns, stream_key", null, serviceId, provider);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            streams.Add((new StreamId(reader.GetString(0), GrainKey.Parse(reader.GetString(1))), reader.GetInt64(2)));
        return streams;
    }

    /// <summary>A stream's stored events after <paramref name="afterSequence"/>, in order: sequence, id, type name, JSON.</summary>
    public async Task<List<(long Sequence, Guid EventId, string TypeName, string Payload)>> EventsAsync(
        StreamId streamId, long afterSequence, CancellationToken cancellationToken)
    {
        var events = new List<(long, Guid, string, string)>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = database.Command(
            connection,
            $"SELECT seq, event_id, event_type, payload FROM stream_event WHERE {StreamScope} AND seq > $5 ORDER BY seq",
            null,
            [.. StreamArgs(streamId), afterSequence]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            events.Add((reader.GetInt64(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3)));
        return events;
    }

    /// <summary>The explicit grain subscriptions.</summary>
    public async Task<List<StreamSubscription>> SubscriptionsAsync(CancellationToken cancellationToken)
    {
        var subscriptions = new List<StreamSubscription>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = database.Command(
            connection, $"SELECT stream_ns, stream_key, handle_id, grain_type, grain_key FROM stream_subscription WHERE {Scope} ORDER BY created_at, handle_id",
            null, serviceId, provider);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var streamId = new StreamId(reader.GetString(0), GrainKey.Parse(reader.GetString(1)));
            var grain = new GrainId(reader.GetString(3), GrainKey.Parse(reader.GetString(4)));
            subscriptions.Add(new StreamSubscription(Guid.Parse(reader.GetString(2)), streamId, grain, isImplicit: false));
        }

        return subscriptions;
    }

    /// <summary>Records a grain's subscription and its starting checkpoint together.</summary>
    public async Task AddSubscriptionAsync(StreamSubscription subscription, long checkpoint, CancellationToken cancellationToken)
    {
        var grain = subscription.Grain!.Value;
        object?[] key = [.. StreamArgs(subscription.StreamId), Text(subscription.HandleId)];
        await ExecuteAsync(
            [
                new SqlStatement(
                    "INSERT INTO stream_subscription (service_id, provider, stream_ns, stream_key, handle_id, grain_type, grain_key) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    [.. key, grain.Type, grain.Key.ToString()]),
                Checkpoint(subscription.StreamId, subscription.HandleId, checkpoint),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets a grain's subscription and its checkpoint.</summary>
    public Task RemoveSubscriptionAsync(StreamSubscription subscription, CancellationToken cancellationToken)
    {
        object?[] key = [.. StreamArgs(subscription.StreamId), Text(subscription.HandleId)];
        return ExecuteAsync(
            [
                new SqlStatement($"DELETE FROM stream_subscription WHERE {StreamScope} AND handle_id = $5", key),
                new SqlStatement($"DELETE FROM stream_checkpoint WHERE {StreamScope} AND handle_id = $5", key),
            ],
            cancellationToken);
    }

    /// <summary>Every durable subscriber's checkpoint.</summary>
    public async Task<Dictionary<(StreamId, Guid), long>> CheckpointsAsync(CancellationToken cancellationToken)
    {
        var checkpoints = new Dictionary<(StreamId, Guid), long>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = database.Command(
            connection, $"SELECT stream_ns, stream_key, handle_id, seq FROM stream_checkpoint WHERE {Scope}", null, serviceId, provider);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            checkpoints[(new StreamId(reader.GetString(0), GrainKey.Parse(reader.GetString(1))), Guid.Parse(reader.GetString(2)))] = reader.GetInt64(3);
        return checkpoints;
    }

    /// <summary>Moves checkpoints forward (never back) in one transaction.</summary>
    public Task SaveCheckpointsAsync(IEnumerable<(StreamId Stream, Guid Handle, long Sequence)> checkpoints, CancellationToken cancellationToken) =>
        ExecuteAsync([.. checkpoints.Select(c => Checkpoint(c.Stream, c.Handle, c.Sequence))], cancellationToken);

    private SqlStatement Checkpoint(StreamId streamId, Guid handleId, long sequence) => new(
        "INSERT INTO stream_checkpoint (service_id, provider, stream_ns, stream_key, handle_id, seq) VALUES ($1, $2, $3, $4, $5, $6) " +
        $"ON CONFLICT (service_id, provider, stream_ns, stream_key, handle_id) DO UPDATE SET seq = excluded.seq, updated_at = {database.NowSql} " +
        "WHERE stream_checkpoint.seq < excluded.seq",
        [.. StreamArgs(streamId), Text(handleId), sequence]);

    /// <summary>Keeps an event that kept failing for a subscriber, with the error.</summary>
    public Task AddDeadLetterAsync(StreamEvent e, StreamSubscription subscription, int attempts, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            [
                new SqlStatement(
                    "INSERT INTO stream_dead_letter (service_id, provider, stream_ns, stream_key, seq, event_id, event_type, payload, handle_id, subscriber, attempts, error) " +
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                    [.. StreamArgs(e.StreamId), e.Sequence, Text(e.EventId), StreamEvent.TypeName(e.ItemType), e.Payload,
                        Text(subscription.HandleId), subscription.Grain?.ToString() ?? "(outside grains)", attempts, error]),
            ],
            cancellationToken);

    /// <summary>The dead letters, oldest first.</summary>
    public async Task<List<StreamDeadLetter>> DeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        var letters = new List<StreamDeadLetter>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = database.Command(
            connection,
            "SELECT stream_ns, stream_key, seq, event_id, event_type, payload, handle_id, subscriber, attempts, error " +
            $"FROM stream_dead_letter WHERE {Scope} ORDER BY id LIMIT $3",
            null, serviceId, provider, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            letters.Add(new StreamDeadLetter(
                new StreamId(reader.GetString(0), GrainKey.Parse(reader.GetString(1))), reader.GetInt64(2), Guid.Parse(reader.GetString(3)),
                reader.GetString(4), reader.GetString(5), Guid.Parse(reader.GetString(6)), reader.GetString(7), reader.GetInt32(8), reader.GetString(9)));
        }

        return letters;
    }

    private async Task ExecuteAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count > 0)
            await database.ExecuteInTransactionAsync(statements, cancellationToken).ConfigureAwait(false);
    }

    private object?[] StreamArgs(StreamId streamId) => [serviceId, provider, streamId.Namespace, streamId.Key.ToString()];

    private static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}

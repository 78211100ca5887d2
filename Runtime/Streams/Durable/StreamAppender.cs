using System.Collections.Concurrent;
using Meridian.Runtime.Persistence;

namespace Meridian.Runtime.Streams.Durable;

/// <summary>An event waiting to be appended: acknowledged once committed (or once found already stored by its id).</summary>
internal sealed class StreamAppend(StreamId streamId, Type itemType, object? item, string payload, Guid eventId, bool idGiven) : IGroupedWrite
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamId StreamId { get; } = streamId;

    public Type ItemType { get; } = itemType;

    public object? Item { get; } = item;

    public string Payload { get; } = payload;

    public Guid EventId { get; } = eventId;

    /// <summary>The publisher chose the id: it may have been appended before (a retry).</summary>
    public bool IdGiven { get; } = idGiven;

    public Task Done => _done.Task;

    public void Acknowledge() => _done.TrySetResult();

    public void Failed(Exception error) => _done.TrySetException(error);
}

/// <summary>
/// Appends events with group commit, numbering each stream's events 1, 2, 3, ... in the order they were
/// published. One committer keeps the numbering gap-free: a group's numbers are taken only if it commits. An
/// event whose id is stored already is acknowledged without a second copy. Committed events are handed on in
/// order before their publishers are acknowledged.
/// </summary>
internal sealed class StreamAppender : IAsyncDisposable
{
    private readonly StreamStore _store;
    private readonly Action<StreamEvent> _committed;
    private readonly GroupCommitWriter<StreamAppend> _writer;

    /// <summary>The last sequence number of each stream seen; written only by the committer.</summary>
    private readonly ConcurrentDictionary<StreamId, long> _heads = new();

    public StreamAppender(StreamStore store, int maxBatch, Action<StreamEvent> committed)
    {
        _store = store;
        _committed = committed;
        _writer = new GroupCommitWriter<StreamAppend>(CommitAsync, committers: 1, maxBatch);
    }

    public Task AppendAsync(StreamAppend append)
    {
        _writer.Enqueue(append);
        return append.Done;
    }

    /// <summary>The last sequence number of a stream now (0 for a stream without events).</summary>
    public async Task<long> HeadAsync(StreamId streamId, CancellationToken cancellationToken)
    {
        if (_heads.TryGetValue(streamId, out var head))
            return head;
        await using var connection = await _store.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _store.HeadAsync(connection, null, streamId, cancellationToken).ConfigureAwait(false);
    }

    private async Task CommitAsync(List<StreamAppend> batch, CancellationToken cancellationToken)
    {
        await using var write = await _store.Database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var given = batch.Where(a => a.IdGiven).Select(a => a.EventId).ToHashSet();
        var seen = await _store.ExistingIdsAsync(connection, transaction, given, cancellationToken).ConfigureAwait(false);

        var heads = new Dictionary<StreamId, long>();
        var events = new List<StreamEvent>(batch.Count);
        foreach (var append in batch)
        {
            if (!seen.Add(append.EventId))
                continue; // stored before, or earlier in this group: acknowledged, not appended again
            if (!heads.TryGetValue(append.StreamId, out var head) && !_heads.TryGetValue(append.StreamId, out head))
                head = await _store.HeadAsync(connection, transaction, append.StreamId, cancellationToken).ConfigureAwait(false);
            heads[append.StreamId] = ++head;
            events.Add(new StreamEvent(append.StreamId, head, append.EventId, append.ItemType, append.Item, append.Payload));
        }

        try
        {
            await _store.Database.ExecuteBatchAsync(connection, transaction, [.. events.Select(_store.Append)], cancellationToken).ConfigureAwait(false);
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Another writer may have appended to these streams: read their heads again next time.
            foreach (var streamId in heads.Keys)
                _heads.TryRemove(streamId, out _);
            throw;
        }

        foreach (var (streamId, head) in heads)
            _heads[streamId] = head;
        foreach (var e in events)
            _committed(e);
        foreach (var append in batch)
            append.Acknowledge();
    }

    /// <summary>Commits what is queued, then stops.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}

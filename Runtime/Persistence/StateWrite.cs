namespace Meridian.Runtime.Persistence;

/// <summary>
/// One state write or clear waiting for its group commit: the row key, what to store, the version the writer
/// read (null: it expects no row), and the completion the writer awaits.
/// </summary>
internal sealed class StateWrite(StateRowKey key, string? payload, long? expectedVersion) : IGroupedWrite
{
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StateRowKey Key { get; } = key;

    /// <summary>The JSON to store; null for a clear.</summary>
    public string? Payload { get; } = payload;

    public long? ExpectedVersion { get; } = expectedVersion;

    /// <summary>The row's new version once committed; fails with the commit's error, or with a version conflict.</summary>
    public Task<long> Done => _done.Task;

    public long NewVersion => (ExpectedVersion ?? 0) + 1;

    public void Committed(bool applied)
    {
        if (applied)
            _done.TrySetResult(NewVersion);
        else
            _done.TrySetException(new StateVersionConflict());
    }

    public void Failed(Exception error) => _done.TrySetException(error);

    /// <summary>Commits a group of writes in one transaction and acknowledges each.</summary>
    public static GroupCommitWriter<StateWrite> Writer(RelationalDatabase database, int maxBatch) => new(
        async (batch, cancellationToken) =>
        {
            var applied = await database.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Committed(applied[i]);
        },
        database.ConcurrentCommits,
        maxBatch);
}

/// <summary>The primary key of a grain state row.</summary>
internal readonly record struct StateRowKey(string ServiceId, string GrainType, string GrainKey, string StateName)
{
    public static StateRowKey Of(string serviceId, string stateName, GrainId grainId) =>
        new(serviceId, grainId.Type, grainId.Key.ToString(), stateName);

    public override string ToString() => $"(service '{ServiceId}', grain type '{GrainType}', key '{GrainKey}', state '{StateName}')";
}

/// <summary>The row's version was not the one the writer read: nothing was written.</summary>
#pragma warning disable CA1064, CA1032 // Internal signal between the writer and the storage, never thrown to users.
internal sealed class StateVersionConflict : Exception;
#pragma warning restore CA1064, CA1032

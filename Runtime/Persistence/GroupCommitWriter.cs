using System.Threading.Channels;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// Group commit: writers queue their writes; a committer takes everything queued (up to a batch limit) and
/// commits it in one transaction, so concurrent writers share one round trip and one fsync. Each write is
/// acknowledged only after its transaction committed; if the commit fails, every write in it fails and none
/// was applied.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable, IDisposable
{
    private readonly Channel<StateWrite> _queue = Channel.CreateUnbounded<StateWrite>(new UnboundedChannelOptions { SingleReader = false });
    private readonly RelationalDatabase _database;
    private readonly int _maxBatch;
    private readonly Task[] _committers;
    private readonly CancellationTokenSource _stopping = new();

    public GroupCommitWriter(RelationalDatabase database, int maxBatch)
    {
        _database = database;
        _maxBatch = maxBatch;
        _committers = [.. Enumerable.Range(0, database.ConcurrentCommits).Select(_ => Task.Run(CommitLoopAsync))];
    }

    public Task<long> WriteAsync(StateWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
            write.Failed(new ObjectDisposedException(nameof(GroupCommitWriter), "the grain storage is shutting down"));
        return write.Done;
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<StateWrite>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var write))
                batch.Add(write);
            if (batch.Count == 0)
                continue;
            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<StateWrite> batch)
    {
        try
        {
            await using var connection = await _database.OpenAsync(_stopping.Token).ConfigureAwait(false);
            var applied = await _database.CommitAsync(connection, batch, _stopping.Token).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Committed(applied[i]);
        }
        catch (Exception exception)
        {
            foreach (var write in batch)
                write.Failed(exception);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Commits what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_committers).ConfigureAwait(false);
        _stopping.Dispose();
    }
}

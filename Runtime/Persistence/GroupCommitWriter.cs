using System.Threading.Channels;

namespace Meridian.Runtime.Persistence;

/// <summary>A write waiting in a <see cref="GroupCommitWriter{TWrite}"/>; failed together with its group.</summary>
internal interface IGroupedWrite
{
    void Failed(Exception error);
}

/// <summary>
/// Group commit: writers queue their writes; a committer takes everything queued (up to a batch limit) and
/// commits it in one transaction, so concurrent writers share one round trip and one fsync. The commit
/// acknowledges each write only once its transaction committed; if the commit throws, every write in the group
/// fails and none was applied. With one committer, groups commit in the order their writes were queued.
/// </summary>
internal sealed class GroupCommitWriter<TWrite> : IAsyncDisposable, IDisposable
    where TWrite : IGroupedWrite
{
    private readonly Channel<TWrite> _queue = Channel.CreateUnbounded<TWrite>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Func<List<TWrite>, CancellationToken, Task> _commit;
    private readonly int _maxBatch;
    private readonly Task[] _committers;
    private readonly CancellationTokenSource _stopping = new();

    /// <param name="commit">Commits a group and acknowledges each of its writes.</param>
    /// <param name="committers">How many groups may commit at once.</param>
    /// <param name="maxBatch">Writes in one group at most.</param>
    public GroupCommitWriter(Func<List<TWrite>, CancellationToken, Task> commit, int committers, int maxBatch)
    {
        _commit = commit;
        _maxBatch = maxBatch;
        _committers = [.. Enumerable.Range(0, committers).Select(_ => Task.Run(CommitLoopAsync))];
    }

    /// <summary>Queues <paramref name="write"/>; false when the writer is shutting down (the write was failed).</summary>
    public bool Enqueue(TWrite write)
    {
        if (_queue.Writer.TryWrite(write))
            return true;
        write.Failed(new ObjectDisposedException(GetType().Name, "the database writer is shutting down"));
        return false;
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<TWrite>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var write))
                batch.Add(write);
            if (batch.Count == 0)
                continue;
            try
            {
                await _commit(batch, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                foreach (var write in batch)
                    write.Failed(exception);
            }

            batch.Clear();
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

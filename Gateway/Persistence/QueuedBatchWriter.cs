using System.Threading.Channels;

namespace Meridian.Gateway.Persistence;

/// <summary>
/// One background writer for rows that must not make their producer wait (the order index, the audit log): appends
/// queue and return at once; a single loop takes up to <c>maxBatch</c> queued items at a time, in order, and hands
/// them to the write function (one transaction). <see cref="FlushAsync"/> waits until everything appended before it
/// is written. A batch whose write throws is reported to <c>failed</c> and dropped; the flushes waiting on it fail with
/// the error when <c>faultFlushesOnFailure</c>, and complete otherwise.
/// </summary>
internal sealed class QueuedBatchWriter<T> : IAsyncDisposable
{
    private readonly Channel<(T? Item, TaskCompletionSource? Flushed)> _queue =
        Channel.CreateUnbounded<(T?, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<List<T>, CancellationToken, Task> _write;
    private readonly Func<Exception, int, Exception?> _failed;
    private readonly int _maxBatch;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    /// <param name="write">Writes one batch (never empty).</param>
    /// <param name="failed">Told of a failed batch and its size; returns the exception the waiting flushes fail with, or null to complete them.</param>
    /// <param name="maxBatch">Most items written at once.</param>
    public QueuedBatchWriter(Func<List<T>, CancellationToken, Task> write, Func<Exception, int, Exception?> failed, int maxBatch)
    {
        _write = write;
        _failed = failed;
        _maxBatch = maxBatch;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The token the writes get: canceled when disposing takes too long.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Queues <paramref name="item"/>; false once the writer is disposed.</summary>
    public bool TryAppend(T item) => _queue.Writer.TryWrite((item, null));

    /// <summary>Waits until everything appended so far is written (or, after disposal, until the writer has stopped).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((default, flushed))
            ? flushed.Task.WaitAsync(cancellationToken)
            : _loop.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what is queued, then stops; if that takes over 30 s the write in progress is canceled.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        var taken = new List<(T? Item, TaskCompletionSource? Flushed)>(_maxBatch);
        var items = new List<T>(_maxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (taken.Count < _maxBatch && reader.TryRead(out var entry))
            {
                taken.Add(entry);
                if (entry.Flushed is null)
                    items.Add(entry.Item!);
            }
            Exception? failure = null;
            try
            {
                if (items.Count > 0)
                    await _write(items, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                failure = _failed(error, items.Count);
            }
            foreach (var (_, flushed) in taken)
            {
                if (failure is null)
                    flushed?.TrySetResult();
                else
                    flushed?.TrySetException(failure);
            }
            taken.Clear();
            items.Clear();
        }
    }
}

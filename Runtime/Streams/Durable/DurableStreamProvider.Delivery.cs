using Microsoft.Extensions.Logging;

namespace Meridian.Runtime.Streams.Durable;

/// <summary>Delivery to one subscriber: retried with doubling waits until the deadline, then dead-lettered.</summary>
internal sealed partial class DurableStreamProvider
{
    /// <summary>
    /// Delivers <paramref name="e"/> to <paramref name="subscription"/> until it succeeds, or until the retry
    /// deadline has passed since its first failure: then the event goes to the dead-letter table and the
    /// checkpoint moves past it. When the silo stops meanwhile, the checkpoint stays and the event is delivered
    /// again after the next start.
    /// </summary>
    internal async Task DeliverUntilDoneAsync(StreamEvent e, StreamSubscription subscription)
    {
        var attempts = 0;
        var delay = _options.InitialRetryDelay;
        DateTimeOffset? firstFailure = null;
        string error;
        while (true)
        {
            if (e.Unreadable is { } unreadable)
            {
                error = unreadable; // retrying cannot help
                break;
            }

            try
            {
                attempts++;
                await e.DeliverAsync(this, subscription).ConfigureAwait(false);
                Checkpoints.Advance(subscription, e.Sequence);
                return;
            }
            catch (Exception exception)
            {
                if (IsStopping)
                    return;
                var now = Runtime.Clock.GetUtcNow();
                firstFailure ??= now;
                var left = _options.RetryDeadline - (now - firstFailure.Value);
                if (left <= TimeSpan.Zero)
                {
                    error = $"{exception.GetType().Name}: {exception.Message}";
                    LogDeadLettered(e.StreamId.ToString(), e.Sequence, subscription.HandleId, attempts, exception);
                    break;
                }

                var wait = delay < left ? delay : left;
                LogRetrying(e.StreamId.ToString(), e.Sequence, subscription.HandleId, attempts, wait.TotalMilliseconds, exception);
                if (!await WaitAsync(wait).ConfigureAwait(false))
                    return;
                delay = NextDelay(delay);
            }
        }

        await DeadLetterAsync(e, subscription, attempts, error).ConfigureAwait(false);
    }

    /// <summary>Keeps the event in the dead-letter table, then moves the checkpoint past it; never skips it while the database refuses.</summary>
    private async Task DeadLetterAsync(StreamEvent e, StreamSubscription subscription, int attempts, string error)
    {
        var delay = _options.InitialRetryDelay;
        while (true)
        {
            try
            {
                await _store.AddDeadLetterAsync(e, subscription, attempts, error, CancellationToken.None).ConfigureAwait(false);
                Checkpoints.Advance(subscription, e.Sequence);
                return;
            }
            catch (Exception exception)
            {
                LogDeadLetterFailed(e.StreamId.ToString(), e.Sequence, exception);
                if (!await WaitAsync(delay).ConfigureAwait(false))
                    return;
                delay = NextDelay(delay);
            }
        }
    }

    /// <summary>The wait after <paramref name="delay"/>: twice as long, up to <see cref="DurableStreamOptions.MaxRetryDelay"/>.</summary>
    private TimeSpan NextDelay(TimeSpan delay) => delay * 2 < _options.MaxRetryDelay ? delay * 2 : _options.MaxRetryDelay;

    /// <summary>
    /// Waits on the silo's clock; false when the silo stops meanwhile. On a simulated clock the wait is not
    /// work: the pump's count is given back while it waits, so the clock may move on to the moment it ends.
    /// </summary>
    private async Task<bool> WaitAsync(TimeSpan delay)
    {
        var tracker = Runtime.WorkTracker;
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = 0;
        void Finish(bool elapsed)
        {
            if (Interlocked.Exchange(ref finished, 1) != 0)
                return;
            tracker?.Increment();
            done.TrySetResult(elapsed);
        }

        using var timer = Runtime.Clock.CreateTimer(_ => Finish(elapsed: true), null, delay, Timeout.InfiniteTimeSpan);
        tracker?.Decrement();
        using var stopping = _stopping.Token.Register(() => Finish(elapsed: false));
        return await done.Task.ConfigureAwait(false);
    }

    [LoggerMessage(3, LogLevel.Warning, "Stream {StreamId} event {Sequence} failed for subscription {HandleId} (attempt {Attempts}); retrying in {DelayMs} ms")]
    private partial void LogRetrying(string streamId, long sequence, Guid handleId, int attempts, double delayMs, Exception exception);

    [LoggerMessage(4, LogLevel.Error, "Stream {StreamId} event {Sequence} failed for subscription {HandleId} {Attempts} times until the retry deadline: dead-lettered")]
    private partial void LogDeadLettered(string streamId, long sequence, Guid handleId, int attempts, Exception exception);

    [LoggerMessage(5, LogLevel.Error, "Stream {StreamId} event {Sequence} could not be written to the dead-letter table; trying again")]
    private partial void LogDeadLetterFailed(string streamId, long sequence, Exception exception);
}

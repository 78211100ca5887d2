using System.Diagnostics;

namespace Meridian.Bench;

/// <summary>
/// Drives an operation with concurrent writers in a closed loop (each issues its next operation when the previous
/// one completed) through a warm-up and then a measured window, and reports completions per second in the window.
/// </summary>
internal sealed class ClosedLoop
{
    private long _completed;
    private volatile bool _stopping;

    /// <summary>Completions per second in the measured window; <paramref name="activity"/>, when given, samples the server at its start and end.</summary>
    public static async Task<double> RunAsync(
        int writers, Func<int, Task> operation, TimeSpan warmup, TimeSpan window, PostgresActivity? activity = null)
    {
        var loop = new ClosedLoop();
        var running = Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(() => loop.WriteAsync(writer, operation))));

        await loop.RunForAsync(running, warmup).ConfigureAwait(false);
        if (activity is not null)
            await activity.StartAsync().ConfigureAwait(false);
        var before = Interlocked.Read(ref loop._completed);
        var start = Stopwatch.GetTimestamp();

        await loop.RunForAsync(running, window).ConfigureAwait(false);
        var completed = Interlocked.Read(ref loop._completed) - before;
        var elapsed = Stopwatch.GetElapsedTime(start);
        if (activity is not null)
            await activity.StopAsync(completed).ConfigureAwait(false);

        loop._stopping = true;
        await running.ConfigureAwait(false);
        return completed / elapsed.TotalSeconds;
    }

    private async Task WriteAsync(int writer, Func<int, Task> operation)
    {
        while (!_stopping)
        {
            await operation(writer).ConfigureAwait(false);
            Interlocked.Increment(ref _completed);
        }
    }

    /// <summary>Lets the writers run for <paramref name="duration"/>; a writer's failure ends the benchmark at once.</summary>
    private async Task RunForAsync(Task running, TimeSpan duration)
    {
        if (await Task.WhenAny(running, Task.Delay(duration)).ConfigureAwait(false) == running)
        {
            _stopping = true;
            await running.ConfigureAwait(false);
            throw new InvalidOperationException("the writers stopped before the measurement ended");
        }
    }
}

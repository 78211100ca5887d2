using System.Diagnostics;
using Meridian.Runtime.Introspection;

namespace Meridian.Bench;

/// <summary>Drives a call function with many concurrent callers, each picking actors at random, and measures every call.</summary>
internal static class LoadDriver
{
    public delegate ValueTask<long> Call(int actor);

    /// <summary>Closed loop: each caller makes its next call as soon as the previous one returns.</summary>
    public static async Task<(double CallsPerSecond, LatencyHistogram Latency)> ClosedLoopAsync(Call call, int actors, int callers, int totalCalls)
    {
        var perCaller = totalCalls / callers;
        var histograms = new LatencyHistogram[callers];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = new Task[callers];
        for (var c = 0; c < callers; c++)
        {
            var caller = c;
            histograms[caller] = new LatencyHistogram();
            tasks[caller] = Task.Run(async () =>
            {
                await start.Task.ConfigureAwait(false);
                var random = new XorShift((uint)caller + 1);
                var histogram = histograms[caller];
                for (var i = 0; i < perCaller; i++)
                {
                    var begin = Stopwatch.GetTimestamp();
                    await call(random.Next(actors)).ConfigureAwait(false);
                    histogram.Record((long)Stopwatch.GetElapsedTime(begin).TotalNanoseconds);
                }
            });
        }

        var watch = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        watch.Stop();
        return (perCaller * (double)callers / watch.Elapsed.TotalSeconds, Merge(histograms));
    }

    /// <summary>
    /// Open loop at a fixed rate: each caller issues its share of calls on a schedule (catching up after each
    /// 1 ms wake-up), whether or not earlier calls have returned, and measures each call from issue to result.
    /// </summary>
    public static async Task<(double CallsPerSecond, LatencyHistogram Latency)> PacedAsync(Call call, int actors, int callers, double rate, TimeSpan duration)
    {
        var perCallerRate = rate / callers;
        var histograms = new LatencyHistogram[callers];
        var tasks = new Task<long>[callers];
        var startTimestamp = Stopwatch.GetTimestamp();
        for (var c = 0; c < callers; c++)
        {
            var caller = c;
            histograms[caller] = new LatencyHistogram();
            tasks[caller] = Task.Run(async () =>
            {
                var random = new XorShift((uint)caller + 7);
                var histogram = histograms[caller];
                var pending = new List<Task>();
                long sent = 0;
                while (true)
                {
                    var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
                    if (elapsed >= duration)
                        break;
                    var due = (long)(elapsed.TotalSeconds * perCallerRate);
                    for (; sent < due; sent++)
                    {
                        var begin = Stopwatch.GetTimestamp();
                        var result = call(random.Next(actors));
                        if (result.IsCompleted)
                        {
                            lock (histogram)
                                histogram.Record((long)Stopwatch.GetElapsedTime(begin).TotalNanoseconds);
                            continue;
                        }

                        pending.Add(RecordWhenDone(result, begin, histogram));
                    }

                    await Task.Delay(1).ConfigureAwait(false);
                }

                await Task.WhenAll(pending).ConfigureAwait(false);
                return sent;
            });
        }

        var sentTotal = (await Task.WhenAll(tasks).ConfigureAwait(false)).Sum();
        var seconds = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        return (sentTotal / seconds, Merge(histograms));
    }

    private static async Task RecordWhenDone(ValueTask<long> result, long begin, LatencyHistogram histogram)
    {
        await result.ConfigureAwait(false);
        lock (histogram)
            histogram.Record((long)Stopwatch.GetElapsedTime(begin).TotalNanoseconds);
    }

    private static LatencyHistogram Merge(LatencyHistogram[] histograms)
    {
        var merged = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            lock (histogram)
                merged.Add(histogram);
        }

        return merged;
    }

    /// <summary>A tiny deterministic generator: callers pick actors the same way on every run.</summary>
    private struct XorShift(uint seed)
    {
        private uint _state = seed * 2654435761u | 1;

        public int Next(int bound)
        {
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            return (int)(_state % (uint)bound);
        }
    }
}

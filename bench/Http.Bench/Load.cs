using System.Diagnostics;
using System.Net;

namespace Meridian.Bench.Http;

/// <summary>What a closed-loop run measured: completed requests in the measured window, latency quantiles, and answers that were not the expected status.</summary>
internal sealed record LoadResult(long Completed, double Seconds, double P50Ms, double P99Ms, double P999Ms, long Unexpected, string? UnexpectedSample)
{
    public double PerSecond => Completed / Seconds;
}

/// <summary>A closed loop: each of <c>connections</c> workers sends a request, waits for the answer, and sends the next.</summary>
internal static class Load
{
    public static async Task<LoadResult> RunAsync(int connections, int warmupSeconds, int seconds, Func<int, long, HttpRequestMessage> request,
        HttpClient client, HttpStatusCode expected)
    {
        var measuring = false;
        var stop = false;
        var latencies = new List<double>[connections];
        var unexpected = 0L;
        string? sample = null;
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(1 << 16);
            for (long n = 0; !Volatile.Read(ref stop); n++)
            {
                using var message = request(worker, n);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(message);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != expected)
                {
                    Interlocked.Increment(ref unexpected);
                    sample ??= $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
                if (Volatile.Read(ref measuring))
                    mine.Add(elapsed);
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
        Volatile.Write(ref measuring, true);
        var window = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        var measured = window.Elapsed.TotalSeconds;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length, measured, Quantile(all, 0.5), Quantile(all, 0.99), Quantile(all, 0.999), unexpected, sample);
    }

    private static double Quantile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}

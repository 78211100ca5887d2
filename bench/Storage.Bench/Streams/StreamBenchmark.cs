using System.Diagnostics;
using Meridian.Runtime;
using Meridian.Runtime.Introspection;
using Meridian.Runtime.Streams;

namespace Meridian.Bench;

/// <summary>
/// Stream publish-to-delivery through the provider registered as <see cref="ProviderName"/>: throughput of a burst
/// published as fast as bounded concurrency allows, and latency at a paced rate.
/// </summary>
internal sealed class StreamBenchmark(IClusterClient client, DeliveryProbe probe, StorageBenchOptions options)
{
    public const string ProviderName = "Bench";

    /// <summary>How long a phase may wait for its last delivery before the benchmark fails.</summary>
    private static readonly TimeSpan s_deliveryTimeout = TimeSpan.FromSeconds(60);

    private readonly IAsyncStream<StampedEvent>[] _streams = [.. Enumerable.Range(0, options.Streams)
        .Select(i => client.GetStreamProvider(ProviderName).GetStream<StampedEvent>(StreamId.Create(StreamConsumerGrain.Namespace, i)))];

    /// <summary>The provider's implementation, so the output says which one was measured.</summary>
    public string ProviderKind => client.GetStreamProvider(ProviderName).GetType().Name;

    /// <summary>
    /// Events per second from the first publish of <see cref="StorageBenchOptions.StreamEvents"/> events to the last
    /// delivery, after a warm-up burst that activates every consumer.
    /// </summary>
    public async Task<double> MeasureThroughputAsync()
    {
        await PublishBurstAsync(Math.Max(_streams.Length * 10, options.StreamEvents / 10)).ConfigureAwait(false);
        return await PublishBurstAsync(options.StreamEvents).ConfigureAwait(false);
    }

    private async Task<double> PublishBurstAsync(int events)
    {
        var delivered = probe.Expect(events);
        var next = -1L;
        var start = Stopwatch.GetTimestamp();

        // Bounded concurrency: each publisher awaits its publish before taking the next event.
        await Task.WhenAll(Enumerable.Range(0, options.Publishers).Select(_ => Task.Run(async () =>
        {
            long i;
            while ((i = Interlocked.Increment(ref next)) < events)
                await _streams[i % _streams.Length].OnNextAsync(new StampedEvent(Stopwatch.GetTimestamp())).ConfigureAwait(false);
        }))).ConfigureAwait(false);

        await WaitForDeliveriesAsync(delivered, events).ConfigureAwait(false);
        return events / Stopwatch.GetElapsedTime(start, probe.LastDeliveryTimestamp).TotalSeconds;
    }

    /// <summary>
    /// Publishes at <see cref="StorageBenchOptions.PacedRate"/> for <see cref="StorageBenchOptions.PacedSeconds"/>,
    /// round-robin over the streams, and returns the rate achieved and the publish-to-delivery latencies. Event i is
    /// due at i / rate from the start; each wake-up (about every millisecond) publishes every event due by then, so
    /// the rate holds however late a wake-up is, and each event is stamped when it is actually published.
    /// </summary>
    public async Task<(double AchievedRate, LatencyHistogram Latency)> MeasureLatencyAsync()
    {
        var total = (long)(options.PacedRate * options.PacedSeconds);
        var delivered = probe.Expect(total);
        var publishing = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        long sent = 0;
        while (true)
        {
            var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * options.PacedRate) + 1);
            for (; sent < due; sent++)
            {
                var publish = _streams[sent % _streams.Length].OnNextAsync(new StampedEvent(Stopwatch.GetTimestamp()));
                if (!publish.IsCompletedSuccessfully)
                    publishing.Add(publish);
            }

            if (sent == total)
                break;
            await Task.Delay(1).ConfigureAwait(false);
        }

        var publishSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await Task.WhenAll(publishing).ConfigureAwait(false);
        await WaitForDeliveriesAsync(delivered, total).ConfigureAwait(false);
        return (total / publishSeconds, probe.Latency);
    }

    private async Task WaitForDeliveriesAsync(Task delivered, long expected)
    {
        try
        {
            await delivered.WaitAsync(s_deliveryTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException(
                $"stream provider '{ProviderName}' ({ProviderKind}) delivered {probe.Count} of {expected} events within {s_deliveryTimeout.TotalSeconds:0} s");
        }
    }
}

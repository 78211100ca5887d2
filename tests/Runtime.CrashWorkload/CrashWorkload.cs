using System.Diagnostics;
using System.Text.Json;
using Meridian.Runtime;
using Meridian.Runtime.Streams;

namespace Meridian.CrashWorkload;

/// <summary>
/// The workload: operation n publishes event n (its id derived from n, so a republish is recognised) and then
/// applies n to the counter grain; each step prints a line once it is acknowledged. A restarted workload goes
/// on from the counter's last operation, redoing the one a kill interrupted.
/// </summary>
public static class CrashWorkload
{
    public const string StreamNamespace = "crash";

    private const string Key = "w";

    public static async Task RunAsync(IClusterClient client, CancellationToken cancellationToken)
    {
        var counter = client.GetGrain<ICrashCounterGrain>(Key);
        var stream = Stream(client);
        for (var op = (await counter.GetAsync()).LastOp + 1; !cancellationToken.IsCancellationRequested; op++)
            await StepAsync(counter, stream, op, print: true);
    }

    /// <summary>Completes the operation a kill may have interrupted, waits for the consumer to catch up, and prints the report.</summary>
    public static async Task ReportAsync(IClusterClient client, TimeSpan patience)
    {
        var counter = client.GetGrain<ICrashCounterGrain>(Key);
        var last = (await counter.GetAsync()).LastOp + 1;
        await StepAsync(counter, Stream(client), last, print: false);

        var consumer = client.GetGrain<ICrashConsumerGrain>(Key);
        var started = Stopwatch.GetTimestamp();
        ConsumerState consumed;
        while ((consumed = await consumer.GetAsync()).LastValue < last && Stopwatch.GetElapsedTime(started) < patience)
            await Task.Delay(10); // the consumer catches up in the background: poll it, within the patience
        var report = new { Counter = await counter.GetAsync(), Consumer = consumed };
        Console.WriteLine("report " + JsonSerializer.Serialize(report));
    }

    private static async Task StepAsync(ICrashCounterGrain counter, IAsyncStream<long> stream, long op, bool print)
    {
        await stream.OnNextAsync(op, EventId(op));
        if (print)
            Console.WriteLine($"published {op}");
        await counter.ApplyAsync(op);
        if (print)
            Console.WriteLine($"applied {op}");
    }

    private static IAsyncStream<long> Stream(IClusterClient client) =>
        client.GetStreamProvider("Default").GetStream<long>(StreamId.Create(StreamNamespace, Key));

    private static Guid EventId(long op)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, op);
        "crash"u8.CopyTo(bytes[8..]);
        return new Guid(bytes);
    }
}

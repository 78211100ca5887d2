using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Meridian.Gateway.Telemetry;

/// <summary>The process meter, <c>Meridian.Process</c>: CPU time, working set, GC heap and the thread pool, read when collected.</summary>
internal sealed class ProcessMetrics : IDisposable
{
    public const string MeterName = "Meridian.Process";

    private readonly Meter _meter = new(MeterName);

    public ProcessMetrics()
    {
        _meter.CreateObservableCounter("process_cpu_seconds_total", () => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, "s", "CPU time used by the process");
        _meter.CreateObservableGauge("process_working_set_bytes", () => Environment.WorkingSet, "By", "The process's working set");
        _meter.CreateObservableGauge("dotnet_gc_heap_bytes", () => GC.GetTotalMemory(forceFullCollection: false), "By", "Bytes allocated on the managed heap and in use");
        _meter.CreateObservableCounter("dotnet_gc_collections_total", () => new[]
        {
            new Measurement<long>(GC.CollectionCount(0), new KeyValuePair<string, object?>("generation", "0")),
            new Measurement<long>(GC.CollectionCount(1), new KeyValuePair<string, object?>("generation", "1")),
            new Measurement<long>(GC.CollectionCount(2), new KeyValuePair<string, object?>("generation", "2")),
        }, description: "Garbage collections by generation");
        _meter.CreateObservableGauge("dotnet_threadpool_threads", () => ThreadPool.ThreadCount, description: "Thread pool threads");
        _meter.CreateObservableGauge("dotnet_threadpool_queue_length", () => ThreadPool.PendingWorkItemCount, description: "Work items waiting for a thread pool thread");
    }

    public void Dispose() => _meter.Dispose();
}

using System.Diagnostics;
using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Introspection;

/// <summary>
/// Calls, errors and latency per grain method. Each thread writes its own counters (no lock, no shared cache
/// line per call); a reader sums the threads' counters.
/// </summary>
internal sealed class CallStatistics : IDisposable
{
    private readonly ThreadLocal<ThreadCounters> _threads = new(() => new ThreadCounters(), trackAllValues: true);
    private readonly Lock _methodsLock = new();
    private readonly Dictionary<int, GrainMethod> _methods = [];

    private volatile bool _disposed;

    public void Record(GrainMethod method, long startTimestamp, bool failed)
    {
        // A request may finish after its silo was disposed; its caller must still get the answer.
        if (_disposed)
            return;
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
        MethodCounters counters;
        try
        {
            counters = _threads.Value!.For(method, this);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        counters.Calls++;
        if (failed)
            counters.Errors++;
        counters.Latency.Record(elapsed.Ticks * 100);
    }

    private void Remember(GrainMethod method)
    {
        lock (_methodsLock)
            _methods.TryAdd(method.Id, method);
    }

    public void Dispose()
    {
        _disposed = true;
        _threads.Dispose();
    }

    /// <summary>Totals per method since the silo started.</summary>
    public IReadOnlyList<MethodTotals> Snapshot()
    {
        KeyValuePair<int, GrainMethod>[] methods;
        lock (_methodsLock)
            methods = [.. _methods];

        var result = new List<MethodTotals>(methods.Length);
        foreach (var (id, method) in methods)
        {
            var latency = new LatencyHistogram();
            long calls = 0, errors = 0;
            foreach (var thread in _threads.Values)
            {
                if (thread.Find(id) is not { } counters)
                    continue;
                calls += counters.Calls;
                errors += counters.Errors;
                latency.Add(counters.Latency);
            }

            result.Add(new MethodTotals(method, calls, errors, latency));
        }

        return result;
    }

    internal sealed record MethodTotals(GrainMethod Method, long Calls, long Errors, LatencyHistogram Latency);

    private sealed class MethodCounters
    {
        public long Calls;
        public long Errors;
        public readonly LatencyHistogram Latency = new();
    }

    private sealed class ThreadCounters
    {
        private MethodCounters?[] _byMethod = new MethodCounters?[64];

        public MethodCounters For(GrainMethod method, CallStatistics owner)
        {
            var id = method.Id;
            if (id >= _byMethod.Length)
                Array.Resize(ref _byMethod, Math.Max(id + 1, _byMethod.Length * 2));
            if (_byMethod[id] is { } existing)
                return existing;
            owner.Remember(method);
            return _byMethod[id] = new MethodCounters();
        }

        public MethodCounters? Find(int id)
        {
            var byMethod = Volatile.Read(ref _byMethod);
            return id < byMethod.Length ? Volatile.Read(ref byMethod[id]) : null;
        }
    }
}

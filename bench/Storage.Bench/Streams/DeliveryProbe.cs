using System.Diagnostics;
using Meridian.Runtime.Introspection;

namespace Meridian.Bench;

/// <summary>
/// Where consumers report deliveries: counts them, records each one's publish-to-delivery latency, and completes
/// when the expected number has arrived (no polling, no sleeping).
/// </summary>
public sealed class DeliveryProbe
{
    private readonly Lock _lock = new();
    private LatencyHistogram _latency = new();
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _expected;
    private long _delivered;
    private long _lastDelivery;

    /// <summary>Starts a new phase: forgets what was delivered before; the task completes at the <paramref name="count"/>-th delivery.</summary>
    public Task Expect(long count)
    {
        lock (_lock)
        {
            _latency = new LatencyHistogram();
            _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _expected = count;
            _delivered = 0;
            return _all.Task;
        }
    }

    /// <summary>Called by a consumer for each event, on its turn.</summary>
    public void Delivered(long publishedTimestamp)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            _latency.Record((long)Stopwatch.GetElapsedTime(publishedTimestamp, now).TotalNanoseconds);
            _lastDelivery = now;
            if (++_delivered >= _expected)
                _all.TrySetResult();
        }
    }

    /// <summary>Deliveries in this phase so far.</summary>
    public long Count
    {
        get
        {
            lock (_lock)
                return _delivered;
        }
    }

    /// <summary>When the last delivery of this phase arrived (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastDeliveryTimestamp
    {
        get
        {
            lock (_lock)
                return _lastDelivery;
        }
    }

    /// <summary>The publish-to-delivery latencies of this phase.</summary>
    public LatencyHistogram Latency
    {
        get
        {
            lock (_lock)
                return _latency;
        }
    }
}

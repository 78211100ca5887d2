using System.Diagnostics.Metrics;
using Meridian.Runtime.Introspection;

namespace Meridian.Runtime.Diagnostics;

/// <summary>
/// The runtime meter, <c>Meridian.Runtime</c>: observable instruments read from the silo's own call statistics and
/// activation counts when a listener collects, so the call path pays nothing beyond what the statistics already cost.
/// Grain calls and errors per grain interface and method, call latency percentiles, activations per grain type.
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Meridian.Runtime";

    private readonly Meter _meter = new(MeterName);

    /// <summary>Publishes the instruments over <paramref name="silo"/>.</summary>
    public RuntimeMetrics(ISiloIntrospection silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        _meter.CreateObservableCounter("meridian_grain_calls_total",
            () => silo.GetMethods().Select(m => new Measurement<long>(m.Calls, Tags(m.Method))), description: "Grain calls per grain interface and method");
        _meter.CreateObservableCounter("meridian_grain_call_errors_total",
            () => silo.GetMethods().Select(m => new Measurement<long>(m.Errors, Tags(m.Method))), description: "Grain calls that failed, per grain interface and method");
        _meter.CreateObservableGauge("meridian_grain_call_duration_seconds",
            () => silo.GetMethods().SelectMany(m => new[]
            {
                new Measurement<double>(m.P50Microseconds / 1e6, [.. Tags(m.Method), new("quantile", "0.5")]),
                new Measurement<double>(m.P99Microseconds / 1e6, [.. Tags(m.Method), new("quantile", "0.99")]),
            }), "s", "Grain call duration percentiles since the silo started, in seconds");
        _meter.CreateObservableGauge("meridian_grain_activations",
            () => silo.GetGrainTypes().Select(t => new Measurement<int>(t.Activations, new KeyValuePair<string, object?>("grain_type", t.GrainType))),
            description: "Active grains per grain type");
    }

    private static KeyValuePair<string, object?>[] Tags(string displayName)
    {
        var dot = displayName.LastIndexOf('.');
        return dot < 0
            ? [new("grain_type", ""), new("method", displayName)]
            : [new("grain_type", displayName[..dot]), new("method", displayName[(dot + 1)..])];
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}

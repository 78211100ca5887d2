using System.Diagnostics.Metrics;
using Meridian.Gateway.Telemetry;

namespace Meridian.Gateway.Tests.Telemetry;

public sealed class PrometheusExporterTests
{
    private static (Meter Meter, PrometheusExporter Exporter) Start()
    {
        var name = "Test.Prometheus." + Guid.NewGuid().ToString("N");
        var meter = new Meter(name);
        return (meter, new PrometheusExporter(name));
    }

    [Fact]
    public void A_counter_sums_per_label_set_and_escapes_label_values()
    {
        var (meter, exporter) = Start();
        using var _ = meter;
        using var __ = exporter;
        var counter = meter.CreateCounter<long>("test_orders_total", description: "Orders");

        counter.Add(3);
        counter.Add(4);
        counter.Add(2, new KeyValuePair<string, object?>("reason", "say \"no\"\\now"));
        counter.Add(5, new KeyValuePair<string, object?>("reason", "say \"no\"\\now"));

        var text = exporter.Render();
        var samples = PrometheusText.Parse(text);
        Assert.Contains("# HELP test_orders_total Orders\n# TYPE test_orders_total counter\n", text, StringComparison.Ordinal);
        Assert.Equal(7, samples["test_orders_total"]);
        Assert.Equal(7, samples["test_orders_total{reason=\"say \\\"no\\\"\\\\now\"}"]);
    }

    [Fact]
    public void A_histogram_renders_cumulative_buckets_sum_and_count()
    {
        var (meter, exporter) = Start();
        using var _ = meter;
        using var __ = exporter;
        var histogram = meter.CreateHistogram<double>("test_duration", "s");

        // Exact binary fractions, so the sum is exact: 0.001953125 + 0.5 + 4 + 16.
        foreach (var value in new[] { 0.001953125, 0.5, 4, 16 })
            histogram.Record(value, new KeyValuePair<string, object?>("route", "/v1/orders"));

        var samples = PrometheusText.Parse(exporter.Render());
        string Bucket(string le) => $"test_duration_bucket{{route=\"/v1/orders\",le=\"{le}\"}}";
        Assert.Equal(0, samples[Bucket("0.001")]);
        Assert.Equal(1, samples[Bucket("0.0025")]);
        Assert.Equal(1, samples[Bucket("0.25")]);
        Assert.Equal(2, samples[Bucket("0.5")]);
        Assert.Equal(2, samples[Bucket("2.5")]);
        Assert.Equal(3, samples[Bucket("5")]);
        Assert.Equal(3, samples[Bucket("10")]);
        Assert.Equal(4, samples[Bucket("+Inf")]);
        Assert.Equal(20.501953125, samples["test_duration_sum{route=\"/v1/orders\"}"]);
        Assert.Equal(4, samples["test_duration_count{route=\"/v1/orders\"}"]);
    }

    [Fact]
    public void Gauges_show_the_last_value_and_up_down_counters_the_running_sum()
    {
        var (meter, exporter) = Start();
        using var _ = meter;
        using var __ = exporter;
        var observed = 41;
        meter.CreateObservableGauge("test_activations", () => observed);
        var open = meter.CreateUpDownCounter<long>("test_open_orders");

        open.Add(5);
        open.Add(-2);
        observed = 42;

        var text = exporter.Render();
        var samples = PrometheusText.Parse(text);
        Assert.Contains("# TYPE test_activations gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE test_open_orders gauge\n", text, StringComparison.Ordinal);
        Assert.Equal(42, samples["test_activations"]);
        Assert.Equal(3, samples["test_open_orders"]);
    }

    [Fact]
    public void Concurrent_recording_loses_no_measurement()
    {
        var (meter, exporter) = Start();
        using var _ = meter;
        using var __ = exporter;
        var counter = meter.CreateCounter<long>("test_fills_total");
        var histogram = meter.CreateHistogram<double>("test_latency", "s");

        Parallel.For(0, 100_000, i =>
        {
            counter.Add(1);
            histogram.Record(0.5);
        });

        var samples = PrometheusText.Parse(exporter.Render());
        Assert.Equal(100_000, samples["test_fills_total"]);
        Assert.Equal(100_000, samples["test_latency_count"]);
        Assert.Equal(50_000, samples["test_latency_sum"]);
    }

    [Fact]
    public void Meters_outside_the_prefixes_are_not_exported()
    {
        var (meter, exporter) = Start();
        using var _ = meter;
        using var __ = exporter;
        using var other = new Meter("Other." + Guid.NewGuid().ToString("N"));
        other.CreateCounter<long>("other_total").Add(1);
        meter.CreateCounter<long>("mine_total").Add(1);

        var text = exporter.Render();

        Assert.DoesNotContain("other_total", text, StringComparison.Ordinal);
        Assert.Contains("mine_total 1\n", text, StringComparison.Ordinal);
    }
}

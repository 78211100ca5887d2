using System.Globalization;
using Meridian.Runtime.Introspection;

namespace Meridian.Bench;

/// <summary>The risk check alone, then the order round trip: peak rate (closed loop) and latency at half of it (bench/README.md).</summary>
internal static class OrdersBenchmark
{
    public static async Task<int> RunAsync(OrdersBenchOptions options)
    {
        Console.WriteLine($"orders benchmark: {options.RiskChecks:N0} risk checks; {options.Portfolios} portfolios, {options.Callers} callers, " +
            $"{options.Orders:N0} orders per round, {options.Rounds} rounds; grain state {(options.DiscardState ? "discarded" : "in memory, serialized")}; " +
            $"{Environment.ProcessorCount} cores");

        var timer = RiskCheckBenchmark.TimerOverhead(options.RiskChecks);
        var risk = RiskCheckBenchmark.Run(options.RiskChecks);
        Console.WriteLine($"  risk check: p50 {Ns(risk, 0.5)} ns, p99 {Ns(risk, 0.99)} ns, p99.9 {Ns(risk, 0.999)} ns " +
            $"(reading the timer alone: p50 {Ns(timer, 0.5)} ns, p99 {Ns(timer, 0.99)} ns, included in the figures)");

        await using var path = await OrderPathBenchmark.StartAsync(options.Portfolios, options.DiscardState).ConfigureAwait(false);
        LoadDriver.Call roundTrip = path.RoundTripAsync;
        await LoadDriver.ClosedLoopAsync(roundTrip, options.Portfolios, options.Callers, options.Orders / 4).ConfigureAwait(false);

        var rates = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var (rate, latency) = await LoadDriver.ClosedLoopAsync(roundTrip, options.Portfolios, options.Callers, options.Orders).ConfigureAwait(false);
            rates.Add(rate);
            Console.WriteLine($"  round {round}: {rate:N0} orders/s (closed loop, {options.Callers} in flight: p50 {Us(latency, 0.5)} us, p99 {Us(latency, 0.99)} us)");
        }
        var peak = rates.Order().ElementAt(rates.Count / 2);

        var paced = peak / 2;
        var (achieved, pacedLatency) = await LoadDriver.PacedAsync(roundTrip, options.Portfolios, 64, paced, TimeSpan.FromSeconds(options.PacedSeconds)).ConfigureAwait(false);
        Console.WriteLine($"  paced at half the peak: target {paced:N0} orders/s, achieved {achieved:N0}; " +
            $"p50 {Us(pacedLatency, 0.5)} us, p99 {Us(pacedLatency, 0.99)} us, p99.9 {Us(pacedLatency, 0.999)} us");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"orders: risk_p50_ns={Ns(risk, 0.5)} risk_p99_ns={Ns(risk, 0.99)} orders_per_s={peak:0} " +
            $"order_p50_us={Us(pacedLatency, 0.5)} order_p99_us={Us(pacedLatency, 0.99)}"));
        return 0;
    }

    private static string Ns(LatencyHistogram histogram, double quantile) =>
        histogram.Quantile(quantile).ToString("0", CultureInfo.InvariantCulture);

    private static string Us(LatencyHistogram histogram, double quantile) =>
        (histogram.Quantile(quantile) / 1000).ToString("0.0", CultureInfo.InvariantCulture);
}

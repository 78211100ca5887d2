using System.Globalization;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Introspection;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Bench;

/// <summary>
/// Local grain calls against a raw Channel-per-actor baseline, in the same process and run (bench/README.md).
/// </summary>
internal static class RuntimeBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        Console.WriteLine($"runtime benchmark: {options.Grains} grains, {options.Callers} callers, {options.Calls:N0} calls per round, " +
            $"{options.Rounds} rounds, {Environment.ProcessorCount} cores");

        var services = new ServiceCollection()
            .AddSilo(silo => silo.AddGrainAssembly(typeof(BenchGrain).Assembly))
            .BuildServiceProvider();
        await using var _ = services.ConfigureAwait(false);
        var silo = services.GetRequiredService<Silo>();
        await silo.StartAsync(CancellationToken.None).ConfigureAwait(false);

        var grains = Enumerable.Range(0, options.Grains).Select(i => silo.Client.GetGrain<IBenchGrain>(i)).ToArray();
        var actors = new ChannelActors(options.Grains);
        LoadDriver.Call grainCall = i => grains[i].Add(1);
        LoadDriver.Call rawCall = i => new ValueTask<long>(actors.Add(i, 1));

        // Warm up: activate every grain, start every actor loop, let the JIT tier up.
        await Task.WhenAll(grains.Select(g => g.Add(0).AsTask())).ConfigureAwait(false);
        await LoadDriver.ClosedLoopAsync(grainCall, options.Grains, options.Callers, options.Calls / 4).ConfigureAwait(false);
        await LoadDriver.ClosedLoopAsync(rawCall, options.Grains, options.Callers, options.Calls / 4).ConfigureAwait(false);

        var grainRates = new List<double>();
        var rawRates = new List<double>();
        LatencyHistogram? closedLoopLatency = null;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var (raw, _) = await LoadDriver.ClosedLoopAsync(rawCall, options.Grains, options.Callers, options.Calls).ConfigureAwait(false);
            var (runtime, latency) = await LoadDriver.ClosedLoopAsync(grainCall, options.Grains, options.Callers, options.Calls).ConfigureAwait(false);
            rawRates.Add(raw);
            grainRates.Add(runtime);
            closedLoopLatency = latency;
            Console.WriteLine($"  round {round}: runtime {runtime:N0} calls/s, raw {raw:N0} calls/s, ratio {runtime / raw:0.00}");
        }

        var runtimeRate = Median(grainRates);
        var rawRate = Median(rawRates);
        Console.WriteLine($"  closed loop latency (runtime): p50 {Us(closedLoopLatency!, 0.5)} us, p99 {Us(closedLoopLatency!, 0.99)} us");

        var pacedRate = runtimeRate / 2;
        var (achieved, pacedLatency) = await LoadDriver.PacedAsync(grainCall, options.Grains, 64, pacedRate, TimeSpan.FromSeconds(options.PacedSeconds)).ConfigureAwait(false);
        Console.WriteLine($"  paced at half the peak: target {pacedRate:N0} calls/s, achieved {achieved:N0} calls/s");

        actors.Stop();
        await silo.StopAsync(CancellationToken.None).ConfigureAwait(false);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runtime: calls_per_s={runtimeRate:0} raw_calls_per_s={rawRate:0} ratio={runtimeRate / rawRate:0.00} " +
            $"p50_us={Us(pacedLatency, 0.5)} p99_us={Us(pacedLatency, 0.99)} p999_us={Us(pacedLatency, 0.999)}"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Us(LatencyHistogram histogram, double quantile) =>
        (histogram.Quantile(quantile) / 1000).ToString("0.0", CultureInfo.InvariantCulture);
}

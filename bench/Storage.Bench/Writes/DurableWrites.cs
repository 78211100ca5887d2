namespace Meridian.Bench;

/// <summary>Durable grain state writes through a silo: each writer calls its own <see cref="StateWriterGrain"/> in a closed loop.</summary>
internal static class DurableWrites
{
    /// <summary>
    /// Activates the grains one at a time, each writing its first state (the INSERT of its row), so the measured
    /// writes are all updates and activation reads never hold more than one pooled connection at once.
    /// </summary>
    public static async Task ActivateAsync(BenchSilo silo, StorageBenchOptions options)
    {
        foreach (var grain in Grains(silo, options))
            await grain.WriteAsync().ConfigureAwait(false);
    }

    /// <summary>Writes per second in one measured window, after a warm-up.</summary>
    public static Task<double> MeasureAsync(BenchSilo silo, StorageBenchOptions options, PostgresActivity? activity = null)
    {
        var grains = Grains(silo, options);
        return ClosedLoop.RunAsync(options.Writers, w => grains[w].WriteAsync(), options.Warmup, options.Window, activity);
    }

    private static IStateWriterGrain[] Grains(BenchSilo silo, StorageBenchOptions options) =>
        [.. Enumerable.Range(0, options.Writers).Select(i => silo.Client.GetGrain<IStateWriterGrain>(i))];
}

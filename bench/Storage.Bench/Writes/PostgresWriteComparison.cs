namespace Meridian.Bench;

/// <summary>
/// Durable grain state writes on PostgreSQL against the single-row-commit baseline. Rounds alternate between the
/// two so both see the same machine (others build on it); each figure is the median of its rounds.
/// </summary>
internal static class PostgresWriteComparison
{
    public static async Task<(double DurableWrites, double SingleCommits)> RunAsync(
        BenchSilo silo, string connectionString, string serviceId, StorageBenchOptions options)
    {
        await DurableWrites.ActivateAsync(silo, options).ConfigureAwait(false);
        await using var baseline = new SingleCommitBaseline(connectionString, serviceId, options.Writers);
        await baseline.EnsureConnectionsAvailableAsync(options.Writers).ConfigureAwait(false);
        var sequential = await baseline.MeasureAsync(1, options.Warmup, options.Window).ConfigureAwait(false);
        Console.WriteLine($"  postgres single-row autocommit INSERTs, 1 writer: {sequential:N0} inserts/s");

        var activity = new PostgresActivity(connectionString);
        var durableRates = new List<double>();
        var singleRates = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var durable = await DurableWrites.MeasureAsync(silo, options, activity).ConfigureAwait(false);
            var durableActivity = activity.Summary;
            var single = await baseline.MeasureAsync(options.Writers, options.Warmup, options.Window, activity).ConfigureAwait(false);
            durableRates.Add(durable);
            singleRates.Add(single);
            Console.WriteLine($"  round {round}: postgres durable writes {durable:N0}/s, single-row INSERTs {single:N0}/s, ratio {durable / single:0.00}");
            Console.WriteLine($"    server, durable writes: {durableActivity}");
            Console.WriteLine($"    server, single-row INSERTs: {activity.Summary}");
        }

        var (durableWrites, singleCommits) = (Median.Of(durableRates), Median.Of(singleRates));
        Console.WriteLine($"  postgres durable writes: {durableWrites:N0} writes/s, median of {options.Rounds} " +
            $"({options.Writers} writers, each on its own grain, each write awaited until committed)");
        Console.WriteLine($"  postgres single-row autocommit INSERTs, {options.Writers} writers: {singleCommits:N0} inserts/s, median of {options.Rounds}");
        Console.WriteLine($"  ratio pg_writes_per_s / pg_single_commit_per_s: {durableWrites / singleCommits:0.00}");
        return (durableWrites, singleCommits);
    }
}

using System.Globalization;
using Meridian.Runtime.Introspection;
using Meridian.Runtime.Persistence;
using Meridian.Runtime.Streams.Durable;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Meridian.Bench;

/// <summary>
/// Durable grain state writes on PostgreSQL and SQLite against a single-row-commit baseline, and stream
/// publish-to-delivery, in the same process and run (bench/README.md).
/// </summary>
internal static class StorageBenchmark
{
    public static async Task<int> RunAsync(StorageBenchOptions options)
    {
        var postgres = PostgresConnectionString();
        var serviceId = "storage-bench-" + Guid.NewGuid().ToString("N")[..12];
        Console.WriteLine($"storage benchmark: {options.Writers} writers, {options.Rounds} rounds of {options.WarmupSeconds:0.#} s warm-up + " +
            $"{options.Seconds:0.#} s measured per write figure, {Environment.ProcessorCount} cores, service id {serviceId}");
        Console.WriteLine($"  {await DescribeServerAsync(postgres).ConfigureAwait(false)}");

        try
        {
            var probe = new DeliveryProbe();
            double pgWrites, singleCommits, streamRate;
            (double AchievedRate, LatencyHistogram Latency) paced;
            await using (var silo = await BenchSilo.StartAsync(serviceId, silo =>
            {
                silo.AddPostgresGrainStorage(StateWriterGrain.StorageName, postgres);
                silo.Services.AddSingleton(probe);

                // The stream provider under test: durable streams in the same PostgreSQL.
                silo.AddPostgresStreams(StreamBenchmark.ProviderName, postgres);
            }).ConfigureAwait(false))
            {
                (pgWrites, singleCommits) = await PostgresWriteComparison.RunAsync(silo, postgres, serviceId, options).ConfigureAwait(false);

                var streams = new StreamBenchmark(silo.Client, probe, options);
                Console.WriteLine($"  streams through {streams.ProviderKind}");
                streamRate = await streams.MeasureThroughputAsync().ConfigureAwait(false);
                Console.WriteLine($"  stream throughput: {options.StreamEvents:N0} events over {options.Streams} streams, {options.Publishers} publishers: " +
                    $"{streamRate:N0} events/s, first publish to last delivery");
                paced = await streams.MeasureLatencyAsync().ConfigureAwait(false);
                Console.WriteLine($"  stream latency paced at {options.PacedRate:N0} events/s for {options.PacedSeconds:0.#} s (achieved {paced.AchievedRate:N0}/s): " +
                    $"p50 {Ms(paced.Latency, 0.5)} ms, p99 {Ms(paced.Latency, 0.99)} ms, p99.9 {Ms(paced.Latency, 0.999)} ms, publish to delivery");
            }

            var sqliteWrites = await MeasureSqliteAsync(serviceId, options).ConfigureAwait(false);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"storage: pg_writes_per_s={pgWrites:0} sqlite_writes_per_s={sqliteWrites:0} pg_single_commit_per_s={singleCommits:0} " +
                $"stream_events_per_s={streamRate:0} stream_p99_ms={Ms(paced.Latency, 0.99)}"));
            return 0;
        }
        finally
        {
            await DeleteRunRowsAsync(postgres, serviceId).ConfigureAwait(false);
        }
    }

    /// <summary>Durable writes on a SQLite file in a temporary directory, deleted afterwards: the median of the rounds.</summary>
    private static async Task<double> MeasureSqliteAsync(string serviceId, StorageBenchOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("meridian-bench-sqlite-");
        try
        {
            await using var silo = await BenchSilo.StartAsync(serviceId, silo =>
                silo.AddSqliteGrainStorage(StateWriterGrain.StorageName, Path.Combine(directory.FullName, "state.db"))).ConfigureAwait(false);
            await DurableWrites.ActivateAsync(silo, options).ConfigureAwait(false);
            var rates = new List<double>();
            for (var round = 1; round <= options.Rounds; round++)
                rates.Add(await DurableWrites.MeasureAsync(silo, options).ConfigureAwait(false));
            var median = Median.Of(rates);
            Console.WriteLine($"  sqlite durable writes: {median:N0} writes/s, median of {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} " +
                "(WAL, synchronous=FULL)");
            return median;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static string PostgresConnectionString() =>
        Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } test ? test
        : throw new InvalidOperationException(
            "neither BENCH_POSTGRES nor TEST_POSTGRES is set: run the benchmark with bench/run.sh storage (it starts a throwaway PostgreSQL) " +
            "or set BENCH_POSTGRES to an Npgsql connection string");

    /// <summary>The server, and the settings that decide whether a commit is durable (they must both be on).</summary>
    private static async Task<string> DescribeServerAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('max_connections')");
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {reader.GetString(0)} at {builder.Host}:{builder.Port}: fsync={reader.GetString(1)}, " +
            $"synchronous_commit={reader.GetString(2)}, max_connections={reader.GetString(3)}";
    }

    /// <summary>Deletes every row of this run (grain states, the baseline's, stream events and progress); the schema stays.</summary>
    private static async Task DeleteRunRowsAsync(string connectionString, string serviceId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var batch = dataSource.CreateBatch();
        foreach (var table in (string[])["grain_state", "stream_event", "stream_checkpoint", "stream_subscription", "stream_dead_letter"])
        {
            var command = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE service_id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
            batch.BatchCommands.Add(command);
        }

        try
        {
            await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The silo failed before migrating: there is nothing to delete, and the failure that matters is already on its way.
        }
    }

    private static string Ms(LatencyHistogram histogram, double quantile) =>
        (histogram.Quantile(quantile) / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Meridian.Bench;

/// <summary>
/// What PostgreSQL did during a measured window, read from the server: transactions committed (from the transaction
/// id counter, exact), WAL written, and WAL flushes (from pg_stat_wal where the server has its wal_sync column;
/// backends report it at most once a second, so it is approximate). Writes per transaction is the batch size the
/// client reached. Counts everything on the server, so it is only meaningful on a database nothing else writes to.
/// </summary>
internal sealed class PostgresActivity(string connectionString)
{
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private Sample _start;

    /// <summary>The last window, in one line; empty before the first.</summary>
    public string Summary { get; private set; } = "";

    public async Task StartAsync() => _start = await SampleAsync().ConfigureAwait(false);

    public async Task StopAsync(long writes)
    {
        var end = await SampleAsync().ConfigureAwait(false);
        var seconds = (end.At - _start.At) / (double)Stopwatch.Frequency;
        var transactions = end.NextTransactionId - _start.NextTransactionId;
        var syncs = end.WalSyncs is { } e && _start.WalSyncs is { } s ? $", ~{(e - s) / seconds:N0} WAL flushes/s" : "";
        Summary = string.Create(CultureInfo.InvariantCulture,
            $"{transactions / seconds:N0} transactions/s, {writes / (double)Math.Max(1, transactions):0.0} writes per transaction{syncs}, " +
            $"{(end.WalBytes - _start.WalBytes) / seconds / 1e6:0.0} MB/s of WAL");
    }

    private async Task<Sample> SampleAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint, (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint", connection);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        var at = Stopwatch.GetTimestamp();
        var transactionId = reader.GetInt64(0);
        var walBytes = reader.GetInt64(1);
        await reader.DisposeAsync().ConfigureAwait(false);
        return new Sample(at, transactionId, walBytes, await WalSyncsAsync(connection).ConfigureAwait(false));
    }

    /// <summary>pg_stat_wal.wal_sync: PostgreSQL 14 to 17 have it (18 moved it to pg_stat_io).</summary>
    private static async Task<long?> WalSyncsAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT wal_sync FROM pg_stat_wal", connection);
            return (long?)await command.ExecuteScalarAsync().ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    private readonly record struct Sample(long At, long NextTransactionId, long WalBytes, long? WalSyncs);
}

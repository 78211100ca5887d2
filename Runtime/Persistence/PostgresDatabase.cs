using System.Data.Common;
using Npgsql;

namespace Meridian.Runtime.Persistence;

/// <summary>PostgreSQL through Npgsql: a group of statements goes as one batch (one round trip).</summary>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource) : RelationalDatabase
{
    public override string Kind => "postgres";

    public override int ConcurrentCommits => 4;

    public override string NowSql => "now()";

    private readonly NpgsqlConnectionStringBuilder _settings = new(dataSource.ConnectionString);

    public override string DisplayName => $"postgres {_settings.Host}:{_settings.Port}/{_settings.Database}";

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>A network or connection failure (Npgsql's own exceptions, not an error PostgreSQL answered with), or a server starting or shutting down.</summary>
    protected override bool IsUnreachable(Exception error) =>
        error is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }
        || (error is NpgsqlException and not PostgresException)
        || error is System.Net.Sockets.SocketException or TimeoutException;

    protected override string Redact(string message) =>
        string.IsNullOrEmpty(_settings.Password) ? message : message.Replace(_settings.Password, "***", StringComparison.Ordinal);

    public override async Task<int[]> ExecuteBatchAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var statement in statements)
        {
            var command = new NpgsqlBatchCommand(statement.Sql);
            batch.BatchCommands.Add(command);
            foreach (var value in statement.Values)
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        // Parsing and planning every statement of every batch anew was most of a group commit's time on the server;
        // prepared, durable writes/s about double (bench/run.sh storage). Npgsql prepares a statement once per
        // physical connection and keeps it across pool returns, so after the first batch this call sends nothing.
        await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var affected = new int[statements.Count];
        for (var i = 0; i < statements.Count; i++)
            affected[i] = checked((int)batch.BatchCommands[i].RecordsAffected);
        return affected;
    }

    public override void AddParameter(DbCommand command, object? value) =>
        ((NpgsqlCommand)command).Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT pg_advisory_xact_lock(7346021953)", transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

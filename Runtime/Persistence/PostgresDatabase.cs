using System.Data.Common;
using Npgsql;

namespace Meridian.Runtime.Persistence;

/// <summary>PostgreSQL through Npgsql: a group of statements goes as one batch (one round trip).</summary>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource) : RelationalDatabase
{
    public override string Kind => "postgres";

    public override int ConcurrentCommits => 4;

    public override string NowSql => "now()";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

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

using System.Data.Common;
using Npgsql;

namespace Meridian.Runtime.Persistence;

/// <summary>PostgreSQL through Npgsql: a group of writes goes as one batch (one round trip) in one transaction.</summary>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource) : RelationalDatabase
{
    public override string Kind => "postgres";

    public override int ConcurrentCommits => 4;

    public override string UpdateSql =>
        "UPDATE grain_state SET payload = $5, version = version + 1, modified_at = now() " +
        "WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4 AND version = $6";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<bool[]> CommitAsync(DbConnection connection, IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using var transaction = await npgsql.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(npgsql, transaction);
        foreach (var write in writes)
        {
            var command = new NpgsqlBatchCommand(write.ExpectedVersion is null ? InsertSql : UpdateSql);
            batch.BatchCommands.Add(command);
            foreach (var value in ParameterValues(write))
                command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        // Parsing and planning every statement of every batch anew was most of a group commit's time on the server;
        // prepared, durable writes/s about double (bench/run.sh storage). Npgsql prepares a statement once per
        // physical connection and keeps it across pool returns, so after the first batch this call sends nothing.
        await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var applied = new bool[writes.Count];
        for (var i = 0; i < writes.Count; i++)
            applied[i] = batch.BatchCommands[i].RecordsAffected == 1;
        return applied;
    }

    public override void AddParameter(DbCommand command, object value) =>
        ((NpgsqlCommand)command).Parameters.Add(new NpgsqlParameter { Value = value });

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(7346021953)";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// SQLite, the embedded default: a file in WAL mode with full sync, so a committed group survives a kill and a
/// power cut. One writer at a time (SQLite allows no more); readers run beside it.
/// </summary>
internal sealed class SqliteDatabase : RelationalDatabase
{
    private static readonly Lazy<bool> s_initialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly string _connectionString;
    private volatile bool _walEnabled;

    public SqliteDatabase(string path)
    {
        _ = s_initialized.Value;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    public override string Kind => "sqlite";

    public override int ConcurrentCommits => 1;

    public override string UpdateSql =>
        "UPDATE grain_state SET payload = $5, version = version + 1, modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') " +
        "WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4 AND version = $6";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragmas = connection.CreateCommand();

        // The journal mode belongs to the file and persists; sync level and busy timeout belong to the connection.
        pragmas.CommandText = (_walEnabled ? "" : "PRAGMA journal_mode = WAL; ") + "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _walEnabled = true;
        return connection;
    }

    public override async Task<bool[]> CommitAsync(DbConnection connection, IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Prepare(connection, transaction, InsertSql, parameters: 5);
        await using var update = Prepare(connection, transaction, UpdateSql, parameters: 6);
        var applied = new bool[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var command = writes[i].ExpectedVersion is null ? insert : update;
            var values = ParameterValues(writes[i]);
            for (var p = 0; p < values.Length; p++)
                command.Parameters[p].Value = values[p];
            applied[i] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        return command;
    }

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // the migration's write transaction locks the whole file
}

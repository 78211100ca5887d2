using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// SQLite, the embedded default: a file in WAL mode with full sync, so a committed group survives a kill and a
/// power cut. One writer at a time (SQLite allows no more); readers run beside it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability", "CA1001", Justification = "The write lock is a SemaphoreSlim whose wait handle is never used: nothing to release")]
internal sealed class SqliteDatabase : RelationalDatabase
{
    private static readonly Lazy<bool> s_initialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly string _connectionString;
    private readonly string _path;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile bool _walEnabled;

    public SqliteDatabase(string path)
    {
        _ = s_initialized.Value;
        _path = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    public override string Kind => "sqlite";

    public override int ConcurrentCommits => 1;

    public override string NowSql => "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    protected override async Task<IDisposable?> LockWritesAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_writer);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                semaphore.Release();
        }
    }

    public override string DisplayName => "sqlite " + _path;

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
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

    public override async Task<int[]> ExecuteBatchAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        // One prepared command per distinct statement text, its parameters rebound for each row.
        var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            var affected = new int[statements.Count];
            for (var i = 0; i < statements.Count; i++)
            {
                var statement = statements[i];
                if (!commands.TryGetValue(statement.Sql, out var command))
                    commands[statement.Sql] = command = Command(connection, statement.Sql, transaction, statement.Values);
                else
                {
                    for (var p = 0; p < statement.Values.Length; p++)
                        command.Parameters[p].Value = statement.Values[p] ?? DBNull.Value;
                }

                affected[i] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return affected;
        }
        finally
        {
            foreach (var command in commands.Values)
                await command.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // the migration's write transaction locks the whole file
}

using System.Data.Common;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// The silo's database as the host's own tables see it (API keys, the audit log, the order index): the same
/// connection pool and migrations as grain state, with statements written once for SQLite and PostgreSQL
/// (positional parameters <c>$1</c>, <c>$2</c>, ...).
/// </summary>
public sealed class HostDatabase
{
    private readonly RelationalDatabase _database;

    internal HostDatabase(RelationalDatabase database) => _database = database;

    /// <summary>"sqlite" or "postgres", for the few statements that differ.</summary>
    public string Kind => _database.Kind;

    /// <summary>What the database is, for messages: never its password.</summary>
    public string DisplayName => _database.DisplayName;

    /// <summary>Opens a connection (waiting a while for an unreachable database, as grain storage does).</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => _database.OpenAsync(cancellationToken);

    /// <summary>A command with positional parameter values (null is SQL NULL), inside <paramref name="transaction"/> when given.</summary>
    public DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null, params object?[] values) =>
        _database.Command(connection, sql, transaction, values);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and commits it. Writes take the database's in-process write
    /// lock, as grain storage does, so on SQLite (one writer at a time) they queue instead of meeting SQLite's busy
    /// handler, which sleeps. A throw rolls everything back.
    /// </summary>
    public async Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await work(write.Connection, write.Transaction).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings the schema up to date (what the silo does at startup): for commands that use the database without a silo.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => new SchemaMigrator(_database).MigrateAsync(cancellationToken);
}

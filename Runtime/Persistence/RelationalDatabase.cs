using System.Data.Common;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// What differs between the databases durable state lives in: connections, a few statements, and how a group of
/// statements is sent in one round trip. Everything else (ETags, JSON, batching, streams) is shared.
/// </summary>
internal abstract class RelationalDatabase
{
    /// <summary>"postgres" or "sqlite": the folder of its migrations and its name in messages.</summary>
    public abstract string Kind { get; }

    /// <summary>How many group commits may run at once (one per connection).</summary>
    public abstract int ConcurrentCommits { get; }

    /// <summary>What the database is, for messages and health reports: never its password.</summary>
    public abstract string DisplayName { get; }

    /// <summary>How long opening a connection keeps trying while the database is unreachable.</summary>
    public TimeSpan ConnectPatience { get; set; } = DatabaseOptions.DefaultConnectPatience;

    /// <summary>Opens a connection once.</summary>
    protected abstract Task<DbConnection> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>True when <paramref name="error"/> says the database could not be reached (worth waiting for), not that it refused.</summary>
    protected virtual bool IsUnreachable(Exception error) => false;

    /// <summary>Removes secrets from a driver's message before it goes into an error or a health report.</summary>
    protected virtual string Redact(string message) => message;

    /// <summary>
    /// Opens a connection. While the database is unreachable it tries again with doubling waits (50 ms up to
    /// 2 s) for <see cref="ConnectPatience"/>, then fails with <see cref="DatabaseUnavailableException"/>.
    /// Nothing is acknowledged meanwhile: a write waits, or fails and was not applied.
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                return await ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (IsUnreachable(error))
            {
                var waited = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (waited >= ConnectPatience)
                    throw new DatabaseUnavailableException(DisplayName, waited, Redact(error.Message));
                await Task.Delay(delay < ConnectPatience - waited ? delay : ConnectPatience - waited, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 < TimeSpan.FromSeconds(2) ? delay * 2 : TimeSpan.FromSeconds(2);
            }
        }
    }

    /// <summary>Tries one connection now: the database's line in the silo's health report.</summary>
    public async Task<Hosting.HealthEntry> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            return new Hosting.HealthEntry(DisplayName, Healthy: true, "reachable");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new Hosting.HealthEntry(DisplayName, Healthy: false, $"unreachable: {Redact(error.Message)}");
        }
    }

    /// <summary>Waits for this process's turn to write, when the database admits one writer at a time; null when it admits many.</summary>
    protected virtual Task<IDisposable?> LockWritesAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    /// <summary>Opens a connection and a write transaction on it.</summary>
    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var writeLock = await LockWritesAsync(cancellationToken).ConfigureAwait(false);
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new WriteTransaction(connection, transaction, writeLock);
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync().ConfigureAwait(false);
            writeLock?.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="statements"/> in order inside <paramref name="transaction"/>; returns the rows each affected.</summary>
    public abstract Task<int[]> ExecuteBatchAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken);

    /// <summary>Takes the lock that keeps two processes from migrating at once, inside <paramref name="transaction"/>.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The current time as the database writes it into a timestamp column.</summary>
    public abstract string NowSql { get; }

    /// <summary>Parameters are positional ($1, $2, ...) in every statement: both databases read them.</summary>
    public const string ReadSql =
        "SELECT payload, version FROM grain_state WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    public const string InsertSql =
        "INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload, version) VALUES ($1, $2, $3, $4, $5, 1) " +
        "ON CONFLICT DO NOTHING";

    public string UpdateSql =>
        $"UPDATE grain_state SET payload = $5, version = version + 1, modified_at = {NowSql} " +
        "WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4 AND version = $6";

    /// <summary>Applies <paramref name="writes"/> in one transaction; reports for each whether its version matched.</summary>
    public async Task<bool[]> CommitAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        var statements = new SqlStatement[writes.Count];
        for (var i = 0; i < writes.Count; i++)
            statements[i] = new SqlStatement(writes[i].ExpectedVersion is null ? InsertSql : UpdateSql, ParameterValues(writes[i]));
        var affected = await ExecuteInTransactionAsync(statements, cancellationToken).ConfigureAwait(false);
        return [.. affected.Select(rows => rows == 1)];
    }

    /// <summary>Runs <paramref name="statements"/> in one write transaction; returns the rows each affected.</summary>
    public async Task<int[]> ExecuteInTransactionAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        await using var write = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var affected = await ExecuteBatchAsync(write.Connection, write.Transaction, statements, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return affected;
    }

    /// <summary>The positional values of a write's statement: the key, the payload, and (for an update) the version read.</summary>
    private static object?[] ParameterValues(StateWrite write) => write.ExpectedVersion is { } version
        ? [write.Key.ServiceId, write.Key.GrainType, write.Key.GrainKey, write.Key.StateName, write.Payload, version]
        : [write.Key.ServiceId, write.Key.GrainType, write.Key.GrainKey, write.Key.StateName, write.Payload];

    public void AddKey(DbCommand command, StateRowKey key)
    {
        AddParameter(command, key.ServiceId);
        AddParameter(command, key.GrainType);
        AddParameter(command, key.GrainKey);
        AddParameter(command, key.StateName);
    }

    /// <summary>Adds the next positional parameter: PostgreSQL takes them unnamed, SQLite by the name "$n".</summary>
    public virtual void AddParameter(DbCommand command, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$" + (command.Parameters.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A command with its positional parameters, inside <paramref name="transaction"/> when given.</summary>
    public DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var value in values)
            AddParameter(command, value);
        return command;
    }
}

/// <summary>One statement of a batch, with its positional parameter values (null is SQL NULL).</summary>
internal readonly record struct SqlStatement(string Sql, object?[] Values);

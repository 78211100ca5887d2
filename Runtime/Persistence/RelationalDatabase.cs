using System.Data.Common;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// What differs between the databases grain state lives in: connections, SQL, and how a group of writes is sent
/// in one transaction. Everything else (ETags, JSON, batching) is shared.
/// </summary>
internal abstract class RelationalDatabase
{
    /// <summary>"postgres" or "sqlite": the folder of its migrations and its name in messages.</summary>
    public abstract string Kind { get; }

    /// <summary>How many group commits may run at once (one per connection).</summary>
    public abstract int ConcurrentCommits { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="writes"/> in one transaction; reports for each whether its version matched.</summary>
    public abstract Task<bool[]> CommitAsync(DbConnection connection, IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken);

    /// <summary>Takes the lock that keeps two processes from migrating at once, inside <paramref name="transaction"/>.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Parameters are positional ($1, $2, ...) in every statement: both databases read them.</summary>
    public const string ReadSql =
        "SELECT payload, version FROM grain_state WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    public const string InsertSql =
        "INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload, version) VALUES ($1, $2, $3, $4, $5, 1) " +
        "ON CONFLICT DO NOTHING";

    public abstract string UpdateSql { get; }

    /// <summary>The positional values of a write's statement: the key, the payload, and (for an update) the version read.</summary>
    protected static object[] ParameterValues(StateWrite write) => write.ExpectedVersion is { } version
        ? [write.Key.ServiceId, write.Key.GrainType, write.Key.GrainKey, write.Key.StateName, (object?)write.Payload ?? DBNull.Value, version]
        : [write.Key.ServiceId, write.Key.GrainType, write.Key.GrainKey, write.Key.StateName, (object?)write.Payload ?? DBNull.Value];

    public void AddKey(DbCommand command, StateRowKey key)
    {
        AddParameter(command, key.ServiceId);
        AddParameter(command, key.GrainType);
        AddParameter(command, key.GrainKey);
        AddParameter(command, key.StateName);
    }

    /// <summary>Adds the next positional parameter: PostgreSQL takes them unnamed, SQLite by the name "$n".</summary>
    public virtual void AddParameter(DbCommand command, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$" + (command.Parameters.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

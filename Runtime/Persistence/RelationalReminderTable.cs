using System.Data.Common;
using Meridian.Runtime.Reminders;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// Reminders in table <c>reminders</c> of PostgreSQL or SQLite, one row per (service id, grain type, typed key text,
/// reminder name): the key is written exactly as in <c>grain_state</c>. Each operation is one statement in its own
/// transaction, acknowledged once committed.
/// </summary>
internal sealed class RelationalReminderTable(string serviceId, RelationalDatabase database) : IReminderTable
{
    private const string KeyColumns = "service_id = $1 AND grain_type = $2 AND grain_key = $3 AND reminder_name = $4";

    private const string SelectSql =
        "SELECT grain_type, grain_key, reminder_name, start_at, period, last_tick_at FROM reminders WHERE service_id = $1";

    private const string UpsertSql =
        "INSERT INTO reminders (service_id, grain_type, grain_key, reminder_name, start_at, period, last_tick_at) " +
        "VALUES ($1, $2, $3, $4, $5, $6, NULL) ON CONFLICT (service_id, grain_type, grain_key, reminder_name) " +
        "DO UPDATE SET start_at = excluded.start_at, period = excluded.period, last_tick_at = NULL";

    private const string DeleteSql = "DELETE FROM reminders WHERE " + KeyColumns;

    private const string RecordTickSql = "UPDATE reminders SET last_tick_at = $5 WHERE " + KeyColumns + " AND start_at = $6 AND period = $7";

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = database.Command(connection, SelectSql, null, serviceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            entries.Add(Read(reader));
        return entries;
    }

    public Task UpsertAsync(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ExecuteAsync(UpsertSql, entry.GrainId, entry.Name, entry.Schedule.Start, entry.Schedule.Period);
    }

    public Task RemoveAsync(GrainId grainId, string name) => ExecuteAsync(DeleteSql, grainId, name);

    public Task RecordTickAsync(GrainId grainId, string name, ReminderSchedule schedule, DateTimeOffset tick) =>
        ExecuteAsync(RecordTickSql, grainId, name, tick, schedule.Start, schedule.Period);

    /// <summary>Runs <paramref name="sql"/> with the row key as $1..$4 and <paramref name="values"/> as $5, $6, ...</summary>
    private async Task ExecuteAsync(string sql, GrainId grainId, string name, params object[] values) =>
        await database.ExecuteInTransactionAsync(
            [new SqlStatement(sql, [serviceId, grainId.Type, grainId.Key.ToString(), name, .. values])], CancellationToken.None).ConfigureAwait(false);

    private ReminderEntry Read(DbDataReader reader)
    {
        var grainType = reader.GetString(0);
        var grainKey = reader.GetString(1);
        var name = reader.GetString(2);
        try
        {
            var schedule = new ReminderSchedule(reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<TimeSpan>(4));
            DateTimeOffset? lastTick = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5);
            return new ReminderEntry(new GrainId(grainType, GrainKey.Parse(grainKey)), name, schedule, lastTick);
        }
        catch (FormatException exception)
        {
            throw new FormatException(
                $"reminder row (service '{serviceId}', grain type '{grainType}', key '{grainKey}', reminder '{name}') of table reminders " +
                $"({database.Kind}) cannot be read: {exception.Message}. Fix or delete the row", exception);
        }
    }
}

using System.Data.Common;
using Meridian.Runtime.Persistence;

namespace Meridian.Gateway.Audit;

/// <summary>The statements on <c>audit_log</c>: the writer's insert and the readers' pages.</summary>
public static class AuditTable
{
    internal const string Insert =
        "INSERT INTO audit_log (seq, at, actor, action, target, result, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    private const string Columns = "seq, at, actor, action, target, result, detail, prev_hash, hash";

    /// <summary>The entry with the highest seq, or null when the log is empty.</summary>
    public static async Task<AuditEntry?> ReadLastAsync(HostDatabase database, CancellationToken cancellationToken = default)
    {
        var last = await ReadLastAsync(database, 1, cancellationToken).ConfigureAwait(false);
        return last.Count == 0 ? null : last[0];
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadLastAsync(HostDatabase database, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var entries = await ReadAsync(database, $"SELECT {Columns} FROM audit_log ORDER BY seq DESC LIMIT $1", cancellationToken, (long)count).ConfigureAwait(false);
        entries.Reverse();
        return entries;
    }

    /// <summary>Every entry in seq order, a page at a time (the log may be larger than memory wants).</summary>
    public static async IAsyncEnumerable<AuditEntry> ReadAllAsync(HostDatabase database, int pageSize = 10_000,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        long after = long.MinValue;
        while (true)
        {
            var page = await ReadAsync(database, $"SELECT {Columns} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2", cancellationToken, after, (long)pageSize).ConfigureAwait(false);
            foreach (var entry in page)
                yield return entry;
            if (page.Count < pageSize)
                yield break;
            after = page[^1].Seq;
        }
    }

    private static async Task<List<AuditEntry>> ReadAsync(HostDatabase database, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = database.Command(connection, sql, null, values);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var entries = new List<AuditEntry>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        entries.Add(Read(reader));
                    return entries;
                }
            }
        }
    }

    private static AuditEntry Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8));
}

using System.Collections.Concurrent;
using Npgsql;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// The silo's databases, one per connection string or file: grain storage, streams and reminders on the same
/// database share its connection pool.
/// </summary>
internal sealed class RelationalDatabases : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RelationalDatabase>> _databases = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<NpgsqlDataSource> _dataSources = [];

    public RelationalDatabase Postgres(string connectionString) => _databases.GetOrAdd("postgres:" + connectionString, _ => new(() =>
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        _dataSources.Add(dataSource);
        return new PostgresDatabase(dataSource);
    })).Value;

    public RelationalDatabase Sqlite(string path) =>
        _databases.GetOrAdd("sqlite:" + Path.GetFullPath(path), _ => new(() => new SqliteDatabase(path))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
            await dataSource.DisposeAsync().ConfigureAwait(false);
    }
}

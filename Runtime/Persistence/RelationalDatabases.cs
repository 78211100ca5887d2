using System.Collections.Concurrent;
using Meridian.Runtime.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// The silo's databases, one per connection string or file: grain storage, streams and reminders on the same
/// database share its connection pool. They are the silo's health probe: each is tried when health is asked for.
/// </summary>
internal sealed class RelationalDatabases(IOptions<DatabaseOptions> options) : IHealthProbe, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RelationalDatabase>> _databases = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<NpgsqlDataSource> _dataSources = [];

    public RelationalDatabase Postgres(string connectionString) => _databases.GetOrAdd("postgres:" + connectionString, _ => new(() =>
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        _dataSources.Add(dataSource);
        return new PostgresDatabase(dataSource) { ConnectPatience = options.Value.ConnectPatience };
    })).Value;

    public RelationalDatabase Sqlite(string path) =>
        _databases.GetOrAdd("sqlite:" + Path.GetFullPath(path), _ => new(() => new SqliteDatabase(path) { ConnectPatience = options.Value.ConnectPatience })).Value;

    public async Task<IReadOnlyList<HealthEntry>> CheckAsync(CancellationToken cancellationToken)
    {
        var entries = new List<HealthEntry>();
        foreach (var database in _databases.Values.Where(d => d.IsValueCreated).Select(d => d.Value))
            entries.Add(await database.ProbeAsync(cancellationToken).ConfigureAwait(false));
        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
            await dataSource.DisposeAsync().ConfigureAwait(false);
    }
}

using Meridian.Runtime.Hosting;
using Meridian.Runtime.Persistence;
using Meridian.Runtime.Streams.Durable;
using Meridian.Runtime.Tests.Persistence;

namespace Meridian.Runtime.Tests.Streams.Durable;

/// <summary>Durable streams in a fresh SQLite file.</summary>
public sealed class SqliteDurableStreamTests : DurableStreamConformance, IDisposable
{
    private readonly string _path = TestDatabases.NewSqlitePath();

    private protected override RelationalDatabase Database => new SqliteDatabase(_path);

    protected override void AddDatabase(SiloBuilder silo, Action<DurableStreamOptions> options) =>
        silo.AddSqliteGrainStorage("Default", _path).AddSqliteStreams(DurableStreams.Provider, _path, options);

    public void Dispose() => TestDatabases.DeleteSqlite(_path);
}

/// <summary>Durable streams in the test PostgreSQL.</summary>
public sealed class PostgresDurableStreamTests : DurableStreamConformance
{
    private protected override RelationalDatabase Database => TestDatabases.Postgres();

    protected override void AddDatabase(SiloBuilder silo, Action<DurableStreamOptions> options) =>
        silo.AddPostgresGrainStorage("Default", TestDatabases.PostgresConnectionString)
            .AddPostgresStreams(DurableStreams.Provider, TestDatabases.PostgresConnectionString, options);
}

using Meridian.Runtime.Persistence;
using Meridian.Runtime.Storage;
using Meridian.Runtime.Tests.Storage;

namespace Meridian.Runtime.Tests.Persistence;

/// <summary>The storage contract, checked for SQLite: each test class instance gets its own file.</summary>
public sealed class SqliteGrainStorageConformanceTests : GrainStorageConformance, IAsyncLifetime
{
    private readonly string _path = TestDatabases.NewSqlitePath();
    private RelationalDatabase? _database;
    private GroupCommitWriter<StateWrite>? _writer;

    public async ValueTask InitializeAsync()
    {
        _database = new SqliteDatabase(_path);
        await new SchemaMigrator(_database).MigrateAsync(TestContext.Current.CancellationToken);
        _writer = StateWrite.Writer(_database, maxBatch: 64);
    }

    protected override IGrainStorage CreateStorage() => new RelationalGrainStorage("sqlite", "conformance", _database!, _writer!);

    protected override async ValueTask DisposeStorageAsync(IGrainStorage storage)
    {
        await _writer!.DisposeAsync();
        TestDatabases.DeleteSqlite(_path);
    }
}

/// <summary>The storage contract, checked for PostgreSQL: each test class instance uses its own service id.</summary>
public sealed class PostgresGrainStorageConformanceTests : GrainStorageConformance, IAsyncLifetime
{
    private readonly string _serviceId = "conformance-" + Guid.NewGuid().ToString("N");
    private RelationalDatabase? _database;
    private GroupCommitWriter<StateWrite>? _writer;

    public async ValueTask InitializeAsync()
    {
        _database = TestDatabases.Postgres();
        await new SchemaMigrator(_database).MigrateAsync(TestContext.Current.CancellationToken);
        _writer = StateWrite.Writer(_database, maxBatch: 64);
    }

    protected override IGrainStorage CreateStorage() => new RelationalGrainStorage("postgres", _serviceId, _database!, _writer!);

    protected override async ValueTask DisposeStorageAsync(IGrainStorage storage) => await _writer!.DisposeAsync();
}

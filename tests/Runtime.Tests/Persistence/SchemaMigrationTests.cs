using Meridian.Runtime.Persistence;
using Npgsql;

namespace Meridian.Runtime.Tests.Persistence;

public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task A_new_sqlite_file_gets_every_migration_and_a_second_run_applies_nothing()
    {
        var path = TestDatabases.NewSqlitePath();
        try
        {
            var migrator = new SchemaMigrator(new SqliteDatabase(path));

            var first = await migrator.MigrateAsync(TestContext.Current.CancellationToken);
            var second = await migrator.MigrateAsync(TestContext.Current.CancellationToken);

            Assert.Equal(migrator.Migrations.Select(m => m.Version), first.Select(m => m.Version));
            Assert.Contains(first, m => m.Name == "grain_state");
            Assert.Empty(second);
        }
        finally
        {
            TestDatabases.DeleteSqlite(path);
        }
    }

    [Fact]
    public async Task A_migration_missing_below_the_newest_recorded_one_is_applied()
    {
        var path = TestDatabases.NewSqlitePath();
        try
        {
            var database = new SqliteDatabase(path);
            var migrator = new SchemaMigrator(database);
            await migrator.MigrateAsync(TestContext.Current.CancellationToken);

            // As if the streams migration (0002) had been merged after 0003 was applied to this file.
            await using (var connection = await database.OpenAsync(TestContext.Current.CancellationToken))
            await using (var forget = database.Command(connection, "DROP TABLE stream_event; DELETE FROM schema_version WHERE version = 2"))
                await forget.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

            var applied = await migrator.MigrateAsync(TestContext.Current.CancellationToken);

            Assert.Equal([2], applied.Select(m => m.Version));
            await using var check = await database.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = database.Command(check, "SELECT COUNT(*) FROM stream_event");
            Assert.Equal(0L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            TestDatabases.DeleteSqlite(path);
        }
    }

    [Fact]
    public async Task A_sqlite_file_migrated_by_a_newer_build_is_refused_with_both_versions_named()
    {
        var path = TestDatabases.NewSqlitePath();
        try
        {
            var database = new SqliteDatabase(path);
            var migrator = new SchemaMigrator(database);
            await migrator.MigrateAsync(TestContext.Current.CancellationToken);
            await RecordFutureVersionAsync(database, 9999);

            var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => migrator.MigrateAsync(TestContext.Current.CancellationToken));

            Assert.Equal(9999, error.DatabaseVersion);
            Assert.Equal(migrator.LatestVersion, error.KnownVersion);
            Assert.Contains("schema version 9999, newer than this build knows", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestDatabases.DeleteSqlite(path);
        }
    }

    [Fact]
    public async Task A_postgres_database_migrated_by_a_newer_build_is_refused()
    {
        var name = "meridian_newer_" + Guid.NewGuid().ToString("N");
        await AdminAsync($"CREATE DATABASE {name}");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresConnectionString) { Database = name, Pooling = false };
            await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
            var database = new PostgresDatabase(dataSource);
            var migrator = new SchemaMigrator(database);
            var applied = await migrator.MigrateAsync(TestContext.Current.CancellationToken);
            Assert.Empty(await migrator.MigrateAsync(TestContext.Current.CancellationToken));
            await RecordFutureVersionAsync(database, migrator.LatestVersion + 1);

            var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => migrator.MigrateAsync(TestContext.Current.CancellationToken));

            Assert.NotEmpty(applied);
            Assert.Equal(migrator.LatestVersion + 1, error.DatabaseVersion);
        }
        finally
        {
            await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task RecordFutureVersionAsync(RelationalDatabase database, int version)
    {
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)";
        database.AddParameter(command, version);
        database.AddParameter(command, "from_the_future");
        database.AddParameter(command, "2099-01-01T00:00:00Z");
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabases.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}

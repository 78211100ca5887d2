using Meridian.Runtime.Persistence;
using Npgsql;

namespace Meridian.Runtime.Tests.Persistence;

/// <summary>The databases the persistence tests run against: a fresh SQLite file each, and the PostgreSQL of TEST_POSTGRES.</summary>
internal static class TestDatabases
{
    /// <summary>The PostgreSQL the README's test command provides (a throwaway one unless TEST_POSTGRES is set).</summary>
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                "TEST_POSTGRES is not set: run the tests with ./test.sh (it starts a throwaway PostgreSQL) or set TEST_POSTGRES to an Npgsql connection string");

    private static readonly Lazy<NpgsqlDataSource> s_postgres = new(() => NpgsqlDataSource.Create(PostgresConnectionString));

    public static RelationalDatabase Postgres() => new PostgresDatabase(s_postgres.Value);

    /// <summary>A path for a new SQLite file in a fresh temporary directory.</summary>
    public static string NewSqlitePath() =>
        Path.Combine(Directory.CreateTempSubdirectory("meridian-sqlite-").FullName, "state.db");

    public static void DeleteSqlite(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}

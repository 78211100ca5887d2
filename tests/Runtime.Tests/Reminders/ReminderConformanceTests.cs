using Meridian.Runtime.Hosting;
using Meridian.Runtime.Persistence;
using Meridian.Runtime.Reminders;
using Meridian.Runtime.Tests.Persistence;
using Microsoft.Data.Sqlite;

namespace Meridian.Runtime.Tests.Reminders;

/// <summary>Reminders in memory: the silos of one test share one table, as restarted silos share a database.</summary>
public sealed class MemoryReminderTests : ReminderConformance
{
    private readonly MemoryReminderTable _table = new();

    protected override void AddReminders(SiloBuilder silo) => silo.AddReminders(_ => _table);
}

/// <summary>Reminders in SQLite: each test has its own file.</summary>
public sealed class SqliteReminderTests : ReminderConformance, IDisposable
{
    private readonly string _path = TestDatabases.NewSqlitePath();

    protected override void AddReminders(SiloBuilder silo) => silo.AddSqliteReminders(_path);

    [Fact]
    public async Task The_row_key_is_the_service_the_grain_type_the_typed_key_text_and_the_name()
    {
        await using (var silo = await StartSiloAsync())
            await Grain(silo, "020235").RegisterAsync("rebalance", Minutes(1), Minutes(1));

        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT service_id, grain_type, grain_key, reminder_name FROM reminders";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal((ServiceId, "reminder", "s:020235", "rebalance"), (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        Assert.False(await reader.ReadAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => TestDatabases.DeleteSqlite(_path);
}

/// <summary>Reminders in the PostgreSQL of TEST_POSTGRES: each test has its own service id.</summary>
public sealed class PostgresReminderTests : ReminderConformance
{
    protected override void AddReminders(SiloBuilder silo) => silo.AddPostgresReminders(TestDatabases.PostgresConnectionString);
}

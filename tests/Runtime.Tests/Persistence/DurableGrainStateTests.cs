using Meridian.Runtime.Persistence;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Persistence;

/// <summary>Grain state in a SQLite file, through the silo: it outlives the silo, and a bad row fails only its grain.</summary>
public sealed class DurableGrainStateTests : IDisposable
{
    private readonly string _path = TestDatabases.NewSqlitePath();

    private Task<TestSilo> StartAsync() => Silos.StartAsync(silo =>
    {
        silo.Services.AddSingleton(new StorageProbe());
        silo.AddSqliteGrainStorage("Default", _path);
    });

    [Fact]
    public async Task State_written_by_one_silo_is_read_by_the_next_one_on_the_same_file()
    {
        await using (var first = await StartAsync())
        {
            for (var i = 0; i < 3; i++)
                await first.GrainFactory.GetGrain<IStorageCounterGrain>("k").IncrementAsync();
        }

        await using var second = await StartAsync();

        Assert.Equal(3, await second.GrainFactory.GetGrain<IStorageCounterGrain>("k").GetValueAsync());
    }

    [Fact]
    public async Task A_row_that_cannot_be_read_fails_its_grain_with_the_grain_and_row_named_and_no_other_grain()
    {
        await using var silo = await StartAsync();
        await silo.GrainFactory.GetGrain<IStorageCounterGrain>("bad").IncrementAsync();
        await silo.GrainFactory.GetGrain<IStorageCounterGrain>("bad").DeactivateAsync();
        await silo.RunUntilIdleAsync();
        await CorruptAsync("s:bad");

        var error = await Assert.ThrowsAsync<InvalidGrainStateException>(() => silo.GrainFactory.GetGrain<IStorageCounterGrain>("bad").GetValueAsync());

        Assert.Contains("storagecounter/s:bad", error.Message, StringComparison.Ordinal);
        Assert.Contains("key 's:bad', state 'counter'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await silo.GrainFactory.GetGrain<IStorageCounterGrain>("good").IncrementAsync());
    }

    private async Task CorruptAsync(string grainKey)
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE grain_state SET payload = '{\"value\": \"not a number\"' WHERE grain_key = $1";
        command.Parameters.AddWithValue("$1", grainKey);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => TestDatabases.DeleteSqlite(_path);
}

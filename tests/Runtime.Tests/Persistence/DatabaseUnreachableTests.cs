using System.Collections.Concurrent;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Persistence;
using Meridian.Runtime.TestingHost;
using Meridian.Runtime.Tests.Clock;
using Meridian.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Meridian.Runtime.Tests.Persistence;

/// <summary>
/// A database that cannot be reached: opening a connection waits with backoff up to the configured patience, then
/// the operation fails naming the database (never its password); health turns unready; nothing acknowledged is lost.
/// </summary>
public sealed class DatabaseUnreachableTests
{
    private const string Password = "s3cret-pw-7731";

    private readonly ConcurrentQueue<string> _logs = new();

    /// <summary>The test PostgreSQL reached through <paramref name="port"/>, with a password and without connection pooling.</summary>
    private static string Through(int port) => new NpgsqlConnectionStringBuilder(TestDatabases.PostgresConnectionString)
    {
        Host = "127.0.0.1",
        Port = port,
        Password = Password,
        Pooling = false,
        Timeout = 1,
    }.ConnectionString;

    private Task<TestSilo> StartAsync(string connectionString, TimeSpan patience) => Silos.StartAsync(silo =>
    {
        silo.Services.AddSingleton(new StorageProbe());
        silo.Services.AddSingleton<ILoggerFactory>(new LoggerFactory([new RecordingLoggerProvider(_logs)]));
        silo.Configure<DatabaseOptions>(o => o.ConnectPatience = patience);
        silo.Configure<SiloOptions>(o => o.ServiceId = "unreachable-" + Guid.NewGuid().ToString("N"));
        silo.AddPostgresGrainStorage("Default", connectionString);
    });

    [Fact]
    public async Task A_silo_whose_database_cannot_be_reached_does_not_start_and_names_the_database_but_not_the_password()
    {
        await using var relay = new TcpRelay(0); // never opened: nothing listens on its port

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => StartAsync(Through(relay.Port), TimeSpan.FromMilliseconds(300)));

        Assert.StartsWith($"postgres 127.0.0.1:{relay.Port}/", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached for", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_logs, line => line.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_while_the_database_is_unreachable_waits_and_commits_once_it_is_back()
    {
        var target = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresConnectionString).Port;
        await using var relay = new TcpRelay(target);
        relay.Open();
        await using var silo = await StartAsync(Through(relay.Port), TimeSpan.FromSeconds(30));
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        Assert.Equal(1, await grain.IncrementAsync().WithinLimit());
        await relay.CutAsync();
        var health = silo.Services.GetRequiredService<SiloHealth>();
        Assert.False((await health.CheckAsync(TestContext.Current.CancellationToken)).Ready);

        var write = grain.IncrementAsync();
        await Task.Yield();
        Assert.False(write.IsCompleted);
        relay.Open();

        Assert.Equal(2, await write.WithinLimit());
        Assert.True((await health.CheckAsync(TestContext.Current.CancellationToken)).Ready);
        Assert.NotEmpty(_logs);
        Assert.DoesNotContain(_logs, line => line.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_fails_after_the_patience_and_the_acknowledged_state_is_intact()
    {
        var target = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresConnectionString).Port;
        await using var relay = new TcpRelay(target);
        relay.Open();
        await using var silo = await StartAsync(Through(relay.Port), TimeSpan.FromMilliseconds(500));
        var grain = silo.GrainFactory.GetGrain<IStorageCounterGrain>("k");
        Assert.Equal(1, await grain.IncrementAsync().WithinLimit());
        await relay.CutAsync();

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => grain.IncrementAsync().WithinLimit());
        var report = await silo.Services.GetRequiredService<SiloHealth>().CheckAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        var entry = Assert.Single(report.Entries);
        Assert.False(entry.Healthy);
        Assert.StartsWith($"postgres 127.0.0.1:{relay.Port}/", entry.Name, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, entry.Description, StringComparison.Ordinal);
        relay.Open();
        await grain.DeactivateAsync().WithinLimit();
        await silo.IdleAsync();
        Assert.Equal(1, await grain.GetValueAsync().WithinLimit());
    }

    private sealed class RecordingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(lines);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}

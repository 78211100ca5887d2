using Meridian.Gateway.Audit;
using Meridian.Runtime.Persistence;
using Meridian.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Gateway.Tests.Audit;

/// <summary>A migrated throwaway SQLite database, as the silo composes it, for the audit log without a running host.</summary>
internal sealed class AuditDatabase : IAsyncDisposable
{
    private readonly IHost _host;

    private AuditDatabase(IHost host, string directory, HostDatabase database)
    {
        _host = host;
        Directory = directory;
        Database = database;
    }

    public string Directory { get; }

    public HostDatabase Database { get; }

    public static async Task<AuditDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "meridian-audit-" + Guid.NewGuid().ToString("N"));
        var host = SiloHost.Create(dataDirectory: directory);
        var database = host.Services.GetRequiredService<HostDatabase>();
        await database.MigrateAsync(TestContext.Current.CancellationToken);
        return new AuditDatabase(host, directory, database);
    }

    public AuditLog NewLog() => new(Database, NullLogger<AuditLog>.Instance);

    /// <summary>Writes <paramref name="count"/> entries through a fresh writer and flushes them.</summary>
    public async Task WriteAsync(int count)
    {
        await using var log = NewLog();
        var start = new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);
        for (var i = 1; i <= count; i++)
            log.Append(new AuditRecord(start.AddSeconds(i), "tester", "order.recorded", $"o-{i}", "accepted", $$"""{"n":"{{i}}"}"""));
        await log.FlushAsync(TestContext.Current.CancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAllAsync()
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in AuditTable.ReadAllAsync(Database, cancellationToken: TestContext.Current.CancellationToken))
            entries.Add(entry);
        return entries;
    }

    /// <summary>Runs a statement behind the log's back (tampering).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = Database.Command(connection, sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Task.Yield();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing pool: the temp directory is cleaned by the OS.
        }
    }
}

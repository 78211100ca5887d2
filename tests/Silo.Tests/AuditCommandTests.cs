using Meridian.Gateway.Audit;
using Meridian.Runtime.Persistence;
using Meridian.Silo.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Silo.Tests;

public sealed class AuditCommandTests
{
    private static async Task WriteEntriesAsync(string dataDirectory, int count)
    {
        using var host = SiloHost.Create(dataDirectory: dataDirectory);
        var database = host.Services.GetRequiredService<HostDatabase>();
        await database.MigrateAsync(TestContext.Current.CancellationToken);
        await using var log = new AuditLog(database, NullLogger<AuditLog>.Instance);
        for (var i = 1; i <= count; i++)
            log.Append(new AuditRecord(DateTimeOffset.UnixEpoch.AddMinutes(i), "tester", "POST /v1/orders", $"o-{i}", "201"));
        await log.FlushAsync(TestContext.Current.CancellationToken);
    }

    private static async Task ExecuteAsync(string dataDirectory, string sql)
    {
        using var host = SiloHost.Create(dataDirectory: dataDirectory);
        var database = host.Services.GetRequiredService<HostDatabase>();
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = database.Command(connection, sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string dataDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AuditCommand.RunAsync(args, output, error, dataDirectory, TestContext.Current.CancellationToken);
        return (exit, output.ToString() + error);
    }

    [Fact]
    public async Task Verify_reports_an_intact_log_with_its_entry_count()
    {
        using var directory = new TemporaryDirectory();
        await WriteEntriesAsync(directory.Path, 4);

        var (exit, output) = await RunAsync(directory.Path, "verify");

        Assert.Equal(0, exit);
        Assert.Equal("audit log intact: 4 entries", output.Trim());
    }

    [Fact]
    public async Task Verify_names_the_modified_entry_and_exits_1()
    {
        using var directory = new TemporaryDirectory();
        await WriteEntriesAsync(directory.Path, 5);
        await ExecuteAsync(directory.Path, "UPDATE audit_log SET result = '200' WHERE seq = 4");

        var (exit, output) = await RunAsync(directory.Path, "verify");

        Assert.Equal(1, exit);
        Assert.StartsWith("audit log broken at entry 4: ", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_deleted_entry_and_exits_1()
    {
        using var directory = new TemporaryDirectory();
        await WriteEntriesAsync(directory.Path, 5);
        await ExecuteAsync(directory.Path, "DELETE FROM audit_log WHERE seq = 2");

        var (exit, output) = await RunAsync(directory.Path, "verify");

        Assert.Equal(1, exit);
        Assert.StartsWith("audit log broken at entry 2: ", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tail_lists_the_last_entries_oldest_first()
    {
        using var directory = new TemporaryDirectory();
        await WriteEntriesAsync(directory.Path, 5);

        var (exit, output) = await RunAsync(directory.Path, "tail", "--n", "2");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("4 ", lines[0], StringComparison.Ordinal);
        Assert.Contains("o-5", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_action_is_a_usage_error()
    {
        using var directory = new TemporaryDirectory();
        var (exit, output) = await RunAsync(directory.Path, "shred");
        Assert.Equal(2, exit);
        Assert.Contains("not an audit action", output, StringComparison.Ordinal);
    }
}

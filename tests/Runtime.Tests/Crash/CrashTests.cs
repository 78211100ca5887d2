using Meridian.Runtime.Tests.Persistence;

namespace Meridian.Runtime.Tests.Crash;

/// <summary>
/// Kills a silo process with SIGKILL at random points while it writes grain state and stream events, restarts
/// it each time, and checks at the end that nothing acknowledged was lost and nothing was applied twice: the
/// counter holds exactly 1 + 2 + ... + n for the last operation n, which is at least the last one acknowledged;
/// the stream consumer applied events 1..n once each, in order.
/// </summary>
public sealed class CrashTests
{
    private const int KillPoints = 20;

    /// <summary>The whole run is bounded: a hung child fails the test instead of hanging it.</summary>
    private static readonly TimeSpan s_budget = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Sqlite_survives_20_kills_without_losing_or_repeating_anything()
    {
        var path = TestDatabases.NewSqlitePath();
        try
        {
            await KillAndRestartAsync(new Dictionary<string, string> { ["CRASH_SQLITE"] = path }, seed: Environment.TickCount);
        }
        finally
        {
            TestDatabases.DeleteSqlite(path);
        }
    }

    [Fact]
    public async Task Postgres_survives_20_kills_without_losing_or_repeating_anything() =>
        await KillAndRestartAsync(
            new Dictionary<string, string>
            {
                ["CRASH_POSTGRES"] = TestDatabases.PostgresConnectionString,
                ["CRASH_SERVICE"] = "crash-" + Guid.NewGuid().ToString("N"),
            },
            seed: Environment.TickCount);

    private static async Task KillAndRestartAsync(Dictionary<string, string> environment, int seed)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        budget.CancelAfter(s_budget);
        var random = new Random(seed);
        long published = 0, applied = 0;
        for (var kill = 0; kill < KillPoints; kill++)
        {
            await using var child = CrashChild.Start("run", environment);

            // A random number of acknowledgements, then a random instant inside the next steps' commits.
            await child.ReadAcknowledgementsAsync(random.Next(1, 60), budget.Token);
            var spin = random.Next(0, 20_000);
            for (var i = 0; i < spin; i++)
                Thread.SpinWait(10);
            await child.KillAsync(budget.Token);
            published = Math.Max(published, child.Published);
            applied = Math.Max(applied, child.Applied);
        }

        await using var reporter = CrashChild.Start("report", environment);
        var report = await reporter.ReadReportAsync(budget.Token);

        var because = $"(seed {seed}; acknowledged: published {published}, applied {applied}; report {report})";
        var n = report.Counter.LastOp;
        Assert.True(n >= applied, $"an acknowledged operation was lost {because}");
        Assert.True(n >= published, $"an acknowledged event was lost {because}");
        Assert.True(report.Counter.Sum == n * (n + 1) / 2 && report.Counter.Gaps == 0, $"the counter applied an operation twice or skipped one {because}");
        Assert.True(report.Consumer.Anomalies == 0, $"the consumer saw an event out of order, twice, or not at all {because}");
        Assert.True(
            (report.Consumer.LastValue, report.Consumer.Count, report.Consumer.Sum, report.Consumer.LastSequence) == (n, n, n * (n + 1) / 2, n),
            $"the consumer did not apply events 1..{n} exactly once each {because}");
    }
}

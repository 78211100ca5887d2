using Meridian.Runtime.Streams.Durable;

namespace Meridian.Runtime.Tests.Streams.Durable;

public sealed class DurableStreamOptionsTests
{
    [Fact]
    public async Task Invalid_options_are_refused_at_registration_with_every_problem_named()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Silos.StartAsync(silo => silo.AddSqliteStreams("S", "unused.db", o =>
        {
            o.InitialRetryDelay = TimeSpan.Zero;
            o.RetryDeadline = TimeSpan.FromSeconds(-1);
            o.CheckpointInterval = TimeSpan.Zero;
            o.MaxAppendBatch = 0;
        })));

        Assert.Contains("stream provider 'S': InitialRetryDelay must be positive (is 00:00:00)", error.Message, StringComparison.Ordinal);
        Assert.Contains("RetryDeadline must not be negative", error.Message, StringComparison.Ordinal);
        Assert.Contains("CheckpointInterval must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxAppendBatch must be between 1 and 10000 (is 0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_options_are_valid()
    {
        Assert.Empty(new DurableStreamOptions().Validate("S"));
    }
}

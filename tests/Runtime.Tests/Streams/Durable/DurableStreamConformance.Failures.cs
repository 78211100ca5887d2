using Meridian.Runtime.Streams.Durable;
using Meridian.Runtime.Tests.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.Tests.Streams.Durable;

/// <summary>Failed deliveries: retried with doubling waits on the silo's clock, then dead-lettered, never skipped.</summary>
public abstract partial class DurableStreamConformance
{
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(100);

    private Task<Meridian.Runtime.TestingHost.TestSilo> StartRetryingAsync(TimeSpan deadline) => StartAsync(o =>
    {
        o.InitialRetryDelay = s_firstRetry;
        o.MaxRetryDelay = TimeSpan.FromSeconds(10);
        o.RetryDeadline = deadline;
    });

    [Fact]
    public async Task A_failed_delivery_is_retried_after_100_then_200_ms_and_later_events_wait_for_it()
    {
        await using var silo = await StartRetryingAsync(TimeSpan.FromMinutes(1));
        var start = silo.Clock.GetUtcNow();
        Journal.FailTimes(1, 2);

        await PublishAsync(Stream(silo, DurableStreams.Implicit, "retry"), 1, 2, 3);
        await silo.AdvanceAsync(TimeSpan.FromSeconds(1));

        var received = Journal.Of("implicit/retry");
        Assert.Equal([1, 1, 1, 2, 3], received.Select(d => d.Value));

        // Attempts at 0, then 0 + 100 ms, then 100 + 200 ms; 2 and 3 right after 1 succeeded.
        Assert.Equal([0.0, 100, 300, 300, 300], received.Select(d => (d.At - start).TotalMilliseconds));
        Assert.Equal(0, await CountAsync("stream_dead_letter"));
    }

    [Fact]
    public async Task An_event_failing_until_the_deadline_is_dead_lettered_with_its_error_and_the_stream_goes_on()
    {
        await using var silo = await StartRetryingAsync(TimeSpan.FromSeconds(1));
        var start = silo.Clock.GetUtcNow();
        Journal.FailTimes(1, DurableStreamJournal.AlwaysFails);

        await PublishAsync(Stream(silo, DurableStreams.Implicit, "dead"), 1, 2);
        await silo.AdvanceAsync(TimeSpan.FromSeconds(5));

        // Waits of 100, 200, 400 ms, then the 300 ms left to the 1 s deadline: five attempts, the last at 1 s.
        var received = Journal.Of("implicit/dead");
        Assert.Equal([1, 1, 1, 1, 1, 2], received.Select(d => d.Value));
        Assert.Equal([0.0, 100, 300, 700, 1000, 1000], received.Select(d => (d.At - start).TotalMilliseconds));

        var letters = await silo.Services.GetRequiredKeyedService<IStreamDeadLetters>(DurableStreams.Provider).ListAsync(cancellationToken: TestContext.Current.CancellationToken).WithinLimit();
        var letter = Assert.Single(letters);
        Assert.Equal((1L, 5, received[0].EventId), (letter.SequenceNumber, letter.Attempts, letter.EventId));
        Assert.Equal("StreamTestException: implicit/dead refuses 1", letter.Error);
        Assert.Equal("durableconsumer/s:dead", letter.Subscriber);
        Assert.Contains("\"value\":1", letter.Payload.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_dead_lettered_event_is_not_delivered_again_after_a_restart()
    {
        await using (var first = await StartRetryingAsync(TimeSpan.Zero))
        {
            Journal.FailTimes(1, DurableStreamJournal.AlwaysFails);
            await PublishAsync(Stream(first, DurableStreams.Implicit, "buried"), 1, 2);
            await first.IdleAsync();
        }

        await using var second = await StartAsync();
        await second.IdleAsync();

        Assert.Equal([1, 2], Journal.Of("implicit/buried").Select(d => d.Value));
        Assert.Equal(1, await CountAsync("stream_dead_letter"));
    }

    [Fact]
    public async Task A_stored_event_that_cannot_be_read_is_dead_lettered_with_the_reason_and_the_stream_goes_on()
    {
        await using (var first = await StartAsync())
        {
            await PublishAsync(Stream(first, DurableStreams.Implicit, "unreadable"), 1, 2);
            await first.IdleAsync();
        }

        await ExecuteAsync(
            "UPDATE stream_event SET payload = '{\"value\": \"one\"}' WHERE service_id = $1 AND seq = 1", ServiceId);
        await ExecuteAsync("DELETE FROM stream_checkpoint WHERE service_id = $1", ServiceId);

        await using var second = await StartAsync();
        await second.IdleAsync();

        var letters = await second.Services.GetRequiredKeyedService<IStreamDeadLetters>(DurableStreams.Provider).ListAsync(cancellationToken: TestContext.Current.CancellationToken).WithinLimit();
        var letter = Assert.Single(letters);
        Assert.Equal(1L, letter.SequenceNumber);
        Assert.StartsWith("the stored event cannot be read as DurableTestEvent", letter.Error, StringComparison.Ordinal);
        Assert.Equal([1, 2, 2], Journal.Of("implicit/unreadable").Select(d => d.Value));
    }
}

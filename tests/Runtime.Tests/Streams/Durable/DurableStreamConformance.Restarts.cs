using Meridian.Runtime.Tests.Clock;

namespace Meridian.Runtime.Tests.Streams.Durable;

/// <summary>Subscriptions and progress that outlive the silo: after a stop, and after a kill.</summary>
public abstract partial class DurableStreamConformance
{
    [Fact]
    public async Task A_grain_subscription_outlives_the_silo_and_delivers_on_the_next_one()
    {
        await using (var first = await StartAsync())
        {
            await first.GrainFactory.GetGrain<IDurableSubscriberGrain>("g").SubscribeAsync().WithinLimit();
            await PublishAsync(Stream(first, DurableStreams.Explicit, "g"), 1);
            await first.IdleAsync();
        }

        await using var second = await StartAsync();
        await PublishAsync(Stream(second, DurableStreams.Explicit, "g"), 2);
        await second.IdleAsync();

        Assert.Equal([1, 2], Journal.Of("explicit/g").Select(d => d.Value));
        Assert.Equal([1L, 2L], Journal.Of("explicit/g").Select(d => d.Sequence));
    }

    [Fact]
    public async Task A_new_subscription_gets_only_what_is_published_after_it()
    {
        await using var silo = await StartAsync();
        await PublishAsync(Stream(silo, DurableStreams.Explicit, "late"), 1, 2);

        await silo.GrainFactory.GetGrain<IDurableSubscriberGrain>("late").SubscribeAsync().WithinLimit();
        await PublishAsync(Stream(silo, DurableStreams.Explicit, "late"), 3);
        await silo.IdleAsync();

        Assert.Equal([3], Journal.Of("explicit/late").Select(d => d.Value));
        Assert.Equal([3L], Journal.Of("explicit/late").Select(d => d.Sequence));
    }

    [Fact]
    public async Task An_ended_subscription_stays_ended_on_the_next_silo()
    {
        await using (var first = await StartAsync())
        {
            var grain = first.GrainFactory.GetGrain<IDurableSubscriberGrain>("gone");
            await grain.SubscribeAsync().WithinLimit();
            await grain.UnsubscribeAsync().WithinLimit();
        }

        await using var second = await StartAsync();
        await PublishAsync(Stream(second, DurableStreams.Explicit, "gone"), 1);
        await second.IdleAsync();

        Assert.Empty(Journal.Of("explicit/gone"));
        Assert.Equal(0, await CountAsync("stream_subscription"));
        Assert.Equal(0, await CountAsync("stream_checkpoint"));
    }

    [Fact]
    public async Task After_a_graceful_stop_nothing_is_delivered_again()
    {
        await using (var first = await StartAsync())
        {
            await PublishAsync(Stream(first, DurableStreams.Implicit, "stop"), 1, 2, 3);
            await first.IdleAsync();
        }

        await using var second = await StartAsync();
        await second.IdleAsync();

        Assert.Equal([1, 2, 3], Journal.Of("implicit/stop").Select(d => d.Value));
    }

    [Fact]
    public async Task After_a_kill_unsaved_progress_is_delivered_again_with_the_same_numbers_and_ids_and_applied_once()
    {
        var first = await StartAsync();
        await PublishAsync(Stream(first, DurableStreams.Deduped, "k"), 5, 7, 11);
        await first.IdleAsync();
        await first.KillAsync(); // checkpoints are saved hourly here: none was

        await using var second = await StartAsync();
        await second.IdleAsync();

        var received = Journal.Of("deduped/k");
        Assert.Equal([5, 7, 11, 5, 7, 11], received.Select(d => d.Value));
        Assert.Equal(received.Take(3).Select(d => (d.Sequence, d.EventId)), received.Skip(3).Select(d => (d.Sequence, d.EventId)));
        var state = await second.GrainFactory.GetGrain<IDurableDedupingGrain>("k").GetStateAsync().WithinLimit();
        Assert.Equal((3, 23, 3L), (state.Applied, state.Sum, state.LastSequence));
    }

    [Fact]
    public async Task After_a_kill_events_not_yet_delivered_are_delivered_on_the_next_silo_in_order()
    {
        var first = await StartAsync();
        Journal.FailTimes(1, DurableStreamJournal.AlwaysFails); // the subscriber is stuck on 1: 2 and 3 wait behind it
        await PublishAsync(Stream(first, DurableStreams.Implicit, "stuck"), 1, 2, 3);
        await first.IdleAsync();
        await first.KillAsync();
        Journal.FailTimes(1, 0);

        await using var second = await StartAsync();
        await second.IdleAsync();

        // One refused attempt on the first silo, then the whole stream in order on the second.
        Assert.Equal([1, 1, 2, 3], Journal.Of("implicit/stuck").Select(d => d.Value));
        Assert.Equal([1L, 1L, 2L, 3L], Journal.Of("implicit/stuck").Select(d => d.Sequence));
    }

    [Fact]
    public async Task Checkpoints_are_saved_while_running_at_the_configured_interval()
    {
        var first = await StartAsync(o => o.CheckpointInterval = TimeSpan.FromMilliseconds(20));
        await PublishAsync(Stream(first, DurableStreams.Implicit, "saved"), 1, 2);
        await first.IdleAsync();
        await WaitForCheckpointAsync("saved", 2);
        await first.KillAsync();

        await using var second = await StartAsync();
        await second.IdleAsync();

        Assert.Equal([1, 2], Journal.Of("implicit/saved").Select(d => d.Value));
    }

    /// <summary>Polls the checkpoint table (the saver runs on real time, in the background) until it holds <paramref name="sequence"/>.</summary>
    private async Task WaitForCheckpointAsync(string streamKey, long sequence)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            await using (var connection = await Database.OpenAsync(TestContext.Current.CancellationToken))
            await using (var command = Database.Command(
                connection, "SELECT COALESCE(MAX(seq), 0) FROM stream_checkpoint WHERE service_id = $1 AND stream_key = $2", null, ServiceId, "s:" + streamKey))
            {
                if (Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) >= sequence)
                    return;
            }

            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < Bounded.Limit, $"checkpoint {sequence} of stream {streamKey} not saved within {Bounded.Limit}");
            await Task.Delay(5, TestContext.Current.CancellationToken); // polling the database, a condition the test cannot be told of

        }
    }
}

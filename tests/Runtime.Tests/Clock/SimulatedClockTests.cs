using Meridian.Runtime.Time;

namespace Meridian.Runtime.Tests.Clock;

/// <summary>The simulated clock on its own: time moves only when told to, and its timers fire in a fixed order.</summary>
public sealed class SimulatedClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_new_clock_reads_its_start_time()
    {
        var clock = new SimulatedClock(Start);

        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void A_clock_started_with_an_offset_reads_the_same_instant_in_UTC()
    {
        var clock = new SimulatedClock(new DateTimeOffset(2025, 6, 2, 11, 30, 0, TimeSpan.FromHours(2)));

        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void A_clock_without_a_start_time_starts_at_2024_01_01_UTC()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new SimulatedClock().GetUtcNow());
    }

    [Fact]
    public async Task Time_does_not_move_by_itself_nor_when_running_until_idle()
    {
        var clock = new SimulatedClock(Start);
        clock.CreateTimer(_ => { }, null, 5 * Second, Timeout.InfiniteTimeSpan);

        await clock.RunUntilIdleAsync().WithinLimit();

        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceAsync_moves_the_clock_by_exactly_the_duration()
    {
        var clock = new SimulatedClock(Start);

        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(1500)).WithinLimit();
        await clock.AdvanceAsync(TimeSpan.FromTicks(1)).WithinLimit();

        Assert.Equal(Start + TimeSpan.FromMilliseconds(1500) + TimeSpan.FromTicks(1), clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceToAsync_moves_the_clock_to_exactly_the_target()
    {
        var clock = new SimulatedClock(Start);
        clock.CreateTimer(_ => { }, null, 3 * Second, Timeout.InfiniteTimeSpan);

        await clock.AdvanceToAsync(Start + TimeSpan.FromHours(1)).WithinLimit();

        Assert.Equal(Start + TimeSpan.FromHours(1), clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceToAsync_to_the_past_throws_and_leaves_the_clock_where_it_was()
    {
        var clock = new SimulatedClock(Start);
        await clock.AdvanceAsync(10 * Second).WithinLimit();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clock.AdvanceToAsync(Start + 9 * Second).WithinLimit());

        Assert.Equal(Start + 10 * Second, clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceToAsync_to_the_past_throws_before_firing_anything()
    {
        var clock = new SimulatedClock(Start);
        await clock.AdvanceAsync(10 * Second).WithinLimit();
        var fired = 0;
        clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clock.AdvanceToAsync(Start).WithinLimit());

        Assert.Equal(0, fired);
    }

    [Fact]
    public async Task AdvanceToAsync_to_the_current_time_is_allowed_and_changes_nothing()
    {
        var clock = new SimulatedClock(Start);

        await clock.AdvanceToAsync(Start).WithinLimit();

        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceAsync_with_a_negative_duration_throws()
    {
        var clock = new SimulatedClock(Start);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clock.AdvanceAsync(-Second).WithinLimit());

        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public async Task Elapsed_time_measured_with_timestamps_follows_the_clock()
    {
        var clock = new SimulatedClock(Start);
        var before = clock.GetTimestamp();

        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(2500)).WithinLimit();

        Assert.Equal(TimeSpan.FromMilliseconds(2500), clock.GetElapsedTime(before));
    }

    [Fact]
    public async Task Timers_fire_in_due_time_order_whatever_their_registration_order()
    {
        var clock = new SimulatedClock(Start);
        var fired = new FiringLog(clock, Start);
        clock.CreateTimer(fired.Callback, "c", 7 * Second, Timeout.InfiniteTimeSpan);
        clock.CreateTimer(fired.Callback, "a", 2 * Second, Timeout.InfiniteTimeSpan);
        clock.CreateTimer(fired.Callback, "b", 5 * Second, Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(10 * Second).WithinLimit();

        Assert.Equal(["a at 00:00:02", "b at 00:00:05", "c at 00:00:07"], fired.Entries);
    }

    [Fact]
    public async Task Timers_due_at_the_same_time_fire_in_registration_order()
    {
        var clock = new SimulatedClock(Start);
        var fired = new FiringLog(clock, Start);
        clock.CreateTimer(fired.Callback, "first 5s", 5 * Second, Timeout.InfiniteTimeSpan);
        clock.CreateTimer(fired.Callback, "first 3s", 3 * Second, Timeout.InfiniteTimeSpan);
        clock.CreateTimer(fired.Callback, "second 5s", 5 * Second, Timeout.InfiniteTimeSpan);
        clock.CreateTimer(fired.Callback, "second 3s", 3 * Second, Timeout.InfiniteTimeSpan);
        clock.CreateTimer(fired.Callback, "third 5s", 5 * Second, Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(5 * Second).WithinLimit();

        Assert.Equal(
            ["first 3s at 00:00:03", "second 3s at 00:00:03", "first 5s at 00:00:05", "second 5s at 00:00:05", "third 5s at 00:00:05"],
            fired.Entries);
    }

    [Fact]
    public async Task A_periodic_timer_fires_at_its_due_time_then_once_per_period()
    {
        var clock = new SimulatedClock(Start);
        var fired = new FiringLog(clock, Start);
        clock.CreateTimer(fired.Callback, "p", 2 * Second, 3 * Second);

        await clock.AdvanceAsync(12 * Second).WithinLimit();

        Assert.Equal(["p at 00:00:02", "p at 00:00:05", "p at 00:00:08", "p at 00:00:11"], fired.Entries);
    }

    [Fact]
    public async Task A_disposed_timer_does_not_fire()
    {
        var clock = new SimulatedClock(Start);
        var fired = new FiringLog(clock, Start);
        var timer = clock.CreateTimer(fired.Callback, "disposed", 2 * Second, 2 * Second);
        clock.CreateTimer(fired.Callback, "kept", 3 * Second, Timeout.InfiniteTimeSpan);

        timer.Dispose();
        await clock.AdvanceAsync(10 * Second).WithinLimit();

        Assert.Equal(["kept at 00:00:03"], fired.Entries);
    }

    [Fact]
    public async Task Change_reschedules_a_timer_from_the_current_time()
    {
        var clock = new SimulatedClock(Start);
        var fired = new FiringLog(clock, Start);
        var timer = clock.CreateTimer(fired.Callback, "t", 10 * Second, Timeout.InfiniteTimeSpan);
        await clock.AdvanceAsync(4 * Second).WithinLimit();

        timer.Change(3 * Second, Timeout.InfiniteTimeSpan);
        await clock.AdvanceAsync(20 * Second).WithinLimit();

        Assert.Equal(["t at 00:00:07"], fired.Entries);
    }

    [Fact]
    public async Task A_timer_created_by_a_callback_fires_in_the_same_advance_at_its_own_due_time()
    {
        var clock = new SimulatedClock(Start);
        var fired = new FiringLog(clock, Start);
        clock.CreateTimer(
            state =>
            {
                fired.Callback(state);
                clock.CreateTimer(fired.Callback, "now", TimeSpan.Zero, Timeout.InfiniteTimeSpan);
                clock.CreateTimer(fired.Callback, "later", 2 * Second, Timeout.InfiniteTimeSpan);
            },
            "parent",
            5 * Second,
            Timeout.InfiniteTimeSpan);
        clock.CreateTimer(fired.Callback, "sibling", 6 * Second, Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(10 * Second).WithinLimit();

        Assert.Equal(["parent at 00:00:05", "now at 00:00:05", "sibling at 00:00:06", "later at 00:00:07"], fired.Entries);
    }

    [Fact]
    public async Task Task_Delay_on_the_clock_completes_when_the_clock_reaches_its_end()
    {
        var clock = new SimulatedClock(Start);
        var delay = Task.Delay(TimeSpan.FromHours(1), clock, TestContext.Current.CancellationToken);

        await clock.AdvanceAsync(TimeSpan.FromHours(1) - Second).WithinLimit();
        var completedEarly = delay.IsCompleted;
        await clock.AdvanceAsync(Second).WithinLimit();

        Assert.False(completedEarly, "the delay completed before the clock reached its end");
        await delay.WithinLimit();
    }

    [Fact]
    public async Task A_cancellation_token_source_on_the_clock_cancels_when_the_clock_reaches_its_delay()
    {
        var clock = new SimulatedClock(Start);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(5), clock);

        await clock.AdvanceAsync(TimeSpan.FromMinutes(5) - Second).WithinLimit();
        var cancelledEarly = cancellation.IsCancellationRequested;
        await clock.AdvanceAsync(Second).WithinLimit();

        Assert.False(cancelledEarly);
        Assert.True(cancellation.IsCancellationRequested);
    }

    /// <summary>Records "{state} at {time since start}" for each firing.</summary>
    private sealed class FiringLog(SimulatedClock clock, DateTimeOffset start)
    {
        private readonly Lock _lock = new();
        private readonly List<string> _entries = [];

        public IReadOnlyList<string> Entries
        {
            get
            {
                lock (_lock)
                    return [.. _entries];
            }
        }

        public void Callback(object? state)
        {
            lock (_lock)
                _entries.Add($"{state} at {clock.GetUtcNow() - start:hh\\:mm\\:ss}");
        }
    }
}

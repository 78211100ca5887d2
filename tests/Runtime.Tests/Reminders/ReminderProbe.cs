using System.Collections.Concurrent;
using Meridian.Runtime.Tests.Clock;

namespace Meridian.Runtime.Tests.Reminders;

/// <summary>One tick a grain received: its number in the test (from 1), the reminder, its status, and the clock when it arrived.</summary>
public sealed record ReceivedTick(int Number, string Grain, string Reminder, TickStatus Status, DateTimeOffset DeliveredAt);

/// <summary>
/// What the reminder grains report, and how their ticks behave: one per test, shared by every silo the test starts
/// (as a restarted process would share its database).
/// </summary>
public sealed class ReminderProbe
{
    private readonly ConcurrentQueue<ReceivedTick> _ticks = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private int _count;
    private int _running;
    private int _mostRunning;
    private int _activations;

    /// <summary>Ticks (numbered from 1) that throw a <see cref="ReminderTestException"/> "tick {n} failed".</summary>
    public IReadOnlyCollection<int> ThrowingTicks { get; set; } = [];

    /// <summary>Ticks (numbered from 1) that wait for <see cref="Open"/> before they end.</summary>
    public IReadOnlyCollection<int> GatedTicks { get; set; } = [];

    public IReadOnlyList<ReceivedTick> Ticks => [.. _ticks];

    /// <summary>When each tick arrived, as time since <paramref name="origin"/>.</summary>
    public IReadOnlyList<TimeSpan> DeliveredAt(DateTimeOffset origin) => [.. _ticks.Select(t => t.DeliveredAt - origin)];

    /// <summary>The due time each tick stood for (<see cref="TickStatus.CurrentTickTime"/>), as time since <paramref name="origin"/>.</summary>
    public IReadOnlyList<TimeSpan> DueAt(DateTimeOffset origin) => [.. _ticks.Select(t => t.Status.CurrentTickTime - origin)];

    /// <summary>The most ticks that were running at the same time.</summary>
    public int MostTicksRunningAtOnce => Volatile.Read(ref _mostRunning);

    public int Activations => Volatile.Read(ref _activations);

    public void Activated() => Interlocked.Increment(ref _activations);

    /// <summary>What a reminder grain's ReceiveReminder does.</summary>
    public async Task ReceiveAsync(string grain, string reminder, TickStatus status, DateTimeOffset now)
    {
        var number = Interlocked.Increment(ref _count);
        _ticks.Enqueue(new ReceivedTick(number, grain, reminder, status, now));
        var running = Interlocked.Increment(ref _running);
        int most;
        while (running > (most = Volatile.Read(ref _mostRunning)) && Interlocked.CompareExchange(ref _mostRunning, running, most) != most)
        {
        }

        try
        {
            if (GatedTicks.Contains(number))
                await Signal($"gate {number}").Task.WithinLimit();
            if (ThrowingTicks.Contains(number))
                throw new ReminderTestException($"tick {number} failed");
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Signal($"ended {number}").TrySetResult();
        }
    }

    public void Open(int tick) => Signal($"gate {tick}").TrySetResult();

    /// <summary>What a grain's call does to stay busy until <see cref="Release"/>.</summary>
    public Task HoldAsync(string hold) => Signal($"hold {hold}").Task.WithinLimit();

    public void Release(string hold) => Signal($"hold {hold}").TrySetResult();

    /// <summary>Completes when tick <paramref name="tick"/> has ended; fails the test after the bounded wait.</summary>
    public Task WhenEnded(int tick) => Signal($"ended {tick}").Task.WithinLimit();

    private TaskCompletionSource Signal(string name) =>
        _signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>The exception a tick throws when the probe says so.</summary>
public sealed class ReminderTestException : Exception
{
    public ReminderTestException()
    {
    }

    public ReminderTestException(string message) : base(message)
    {
    }

    public ReminderTestException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

using System.Collections.Concurrent;
using Meridian.Runtime.Tests.Clock;
using Meridian.Runtime.Timers;

namespace Meridian.Runtime.Tests.Timers;

/// <summary>What the timer grains report, and the gates the test opens: one per silo, so one per test.</summary>
public sealed class TimerProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentQueue<(string Grain, DateTimeOffset At)> _ticks = new();

    /// <summary>"{grain}: {entry}" in the order the grains wrote them.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public void Record(string grain, string entry)
    {
        Log.Enqueue($"{grain}: {entry}");
        Signal("logged " + grain + ": " + entry).TrySetResult();
    }

    public void RecordTick(string grain, DateTimeOffset at) => _ticks.Enqueue((grain, at));

    /// <summary>When each tick of <paramref name="grain"/> started, as time since <paramref name="start"/>.</summary>
    public IReadOnlyList<TimeSpan> TickTimes(string grain, DateTimeOffset start) =>
        [.. _ticks.Where(t => t.Grain == grain).Select(t => t.At - start)];

    public int TickCount(string grain) => _ticks.Count(t => t.Grain == grain);

    /// <summary>Completes when "{grain}: {entry}" is logged; fails the test after the bounded wait.</summary>
    public Task WhenLogged(string grainAndEntry) => Signal("logged " + grainAndEntry).Task.WithinLimit();

    public void Open(string gate) => Signal("gate " + gate).TrySetResult();

    internal Task WaitForGate(string gate) => Signal("gate " + gate).Task.WithinLimit();

    private TaskCompletionSource Signal(string name) =>
        _signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>The exception a tick throws when its plan says so.</summary>
public sealed class TimerTestException : Exception
{
    public TimerTestException()
    {
    }

    public TimerTestException(string message) : base(message)
    {
    }

    public TimerTestException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>How a <see cref="TimerTickerGrain"/>'s timer ticks and what its ticks do.</summary>
public sealed record TimerPlan(TimeSpan DueTime, TimeSpan Period)
{
    public bool Interleave { get; init; }

    public bool KeepAlive { get; init; } = true;

    /// <summary>Ticks (numbered from 1) that wait for gate "tick {n}" before ending.</summary>
    public IReadOnlyList<int> GatedTicks { get; init; } = [];

    /// <summary>Ticks that throw a <see cref="TimerTestException"/> "tick {n} failed" after logging.</summary>
    public IReadOnlyList<int> ThrowingTicks { get; init; } = [];

    /// <summary>A tick that calls <see cref="IGrainTimer.Change"/> on its own timer with <see cref="ChangeTo"/>.</summary>
    public int? ChangingTick { get; init; }

    public (TimeSpan DueTime, TimeSpan Period) ChangeTo { get; init; }
}

/// <summary>A grain with one timer, driven by the test.</summary>
public interface ITimerTickerGrain : IGrainWithStringKey
{
    Task StartTimerAsync(TimerPlan plan);

    /// <summary>Starts a timer through the overload that passes a state to the callback.</summary>
    Task StartTimerWithStateAsync(string state, TimeSpan dueTime);

    Task ChangeTimerAsync(TimeSpan dueTime, TimeSpan period);

    Task DisposeTimerAsync();

    /// <summary>Logs "hold {gate} start", waits for the gate, logs "hold {gate} end".</summary>
    Task HoldAsync(string gate);

    Task PingAsync();

    Task DeactivateAsync();

    /// <summary>Makes OnDeactivateAsync wait for gate "deactivate" before it completes.</summary>
    Task HoldDeactivationAsync();
}

public sealed class TimerTickerGrain(TimerProbe probe) : Grain, ITimerTickerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private bool _holdDeactivation;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record(Key, "activate");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record(Key, $"deactivate {reason.Code}");
        if (_holdDeactivation)
        {
            await probe.WaitForGate("deactivate");
            probe.Record(Key, "deactivation released");
        }
    }

    public Task StartTimerAsync(TimerPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _timer = RegisterGrainTimer(
            ct => TickAsync(plan),
            new GrainTimerCreationOptions(plan.DueTime, plan.Period) { Interleave = plan.Interleave, KeepAlive = plan.KeepAlive });
        return Task.CompletedTask;
    }

    public Task StartTimerWithStateAsync(string state, TimeSpan dueTime)
    {
        _timer = RegisterGrainTimer(
            (s, ct) =>
            {
                probe.Record(Key, "tick with state " + s);
                return Task.CompletedTask;
            },
            state,
            new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task ChangeTimerAsync(TimeSpan dueTime, TimeSpan period)
    {
        _timer!.Change(dueTime, period);
        return Task.CompletedTask;
    }

    public Task DisposeTimerAsync()
    {
        _timer!.Dispose();
        return Task.CompletedTask;
    }

    public async Task HoldAsync(string gate)
    {
        probe.Record(Key, $"hold {gate} start");
        await probe.WaitForGate(gate);
        probe.Record(Key, $"hold {gate} end");
    }

    public Task PingAsync()
    {
        probe.Record(Key, "ping");
        return Task.CompletedTask;
    }

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task HoldDeactivationAsync()
    {
        _holdDeactivation = true;
        return Task.CompletedTask;
    }

    private async Task TickAsync(TimerPlan plan)
    {
        var tick = ++_ticks;
        probe.RecordTick(Key, Clock.GetUtcNow());
        probe.Record(Key, $"tick {tick} start");
        if (plan.GatedTicks.Contains(tick))
            await probe.WaitForGate($"tick {tick}");
        if (plan.ChangingTick == tick)
            _timer!.Change(plan.ChangeTo.DueTime, plan.ChangeTo.Period);
        probe.Record(Key, $"tick {tick} end");
        if (plan.ThrowingTicks.Contains(tick))
            throw new TimerTestException($"tick {tick} failed");
    }
}

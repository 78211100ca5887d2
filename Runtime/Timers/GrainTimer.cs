using System.Diagnostics;
using Meridian.Runtime.CodeGeneration;
using Meridian.Runtime.Core;

namespace Meridian.Runtime.Timers;

/// <summary>
/// A grain timer on the silo's clock. Each tick is a request to the grain (so it obeys the admission rules, or
/// interleaves when asked to); the next tick is scheduled only when the callback has completed, so ticks never
/// overlap.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private static readonly GrainMethod[] s_tickMethods =
    [
        new(typeof(IGrainTimer), "Tick", GrainMethodOptions.None),
        new(typeof(IGrainTimer), "Tick", GrainMethodOptions.AlwaysInterleave),
        new(typeof(IGrainTimer), "Tick", GrainMethodOptions.NoKeepAlive),
        new(typeof(IGrainTimer), "Tick", GrainMethodOptions.AlwaysInterleave | GrainMethodOptions.NoKeepAlive),
    ];

    private readonly Lock _lock = new();
    private readonly ActivationData _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly GrainMethod _tickMethod;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private TimeSpan _period;
    private bool _ticking;
    private TimeSpan? _dueAfterTick;

    private GrainTimer(ActivationData activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        _activation = activation;
        _callback = callback;
        _state = state;
        _period = options.Period;
        _tickMethod = s_tickMethods[(options.Interleave ? 1 : 0) + (options.KeepAlive ? 0 : 2)];
        _timer = activation.Runtime.Clock.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public static GrainTimer Start(ActivationData activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        var timer = new GrainTimer(activation, callback, state, options);
        activation.AddTimer(timer);
        timer._timer.Change(options.DueTime, Timeout.InfiniteTimeSpan);
        return timer;
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _period = period;

            // Called by the timer's own callback: the new due time counts from the end of this tick.
            if (_ticking)
                _dueAfterTick = dueTime;
            else
                _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "a timer's due time must be zero or more, or infinite");
        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(period), period, "a timer's period must be more than zero, or infinite for a single tick");
    }

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
                return;

            // From now until the callback completes the tick is in flight: Change() only sets the next due time.
            _ticking = true;
        }

        if (!_activation.Enqueue(new Tick(this) { StartTimestamp = Stopwatch.GetTimestamp() }))
            Dispose();
    }

    private void ScheduleNext()
    {
        lock (_lock)
        {
            _ticking = false;
            var due = _dueAfterTick ?? _period;
            _dueAfterTick = null;
            if (!_disposed.IsCancellationRequested && due != Timeout.InfiniteTimeSpan)
                _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
                return;
            _disposed.Cancel();
            _timer.Dispose();
        }

        _activation.RemoveTimer(this);
    }

    /// <summary>One tick, run as a request on the grain's turn.</summary>
    private sealed class Tick(GrainTimer timer) : GrainRequest<VoidResult>
    {
        public override GrainMethod Method => timer._tickMethod;

        public override int ArgumentCount => 0;

        internal override bool BelongsToActivation => true;

        public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public override ValueTask<VoidResult> InvokeAsync(object grain)
        {
            if (timer._disposed.IsCancellationRequested)
                return default;

            Task task;
            try
            {
                task = timer._callback(timer._state, timer._disposed.Token)
                    ?? Task.FromException(new InvalidOperationException("a grain timer callback returned a null task"));
            }
            catch (Exception exception)
            {
                task = Task.FromException(exception);
            }

            if (task.IsCompleted)
            {
                timer.ScheduleNext();
                return VoidResult.From(task);
            }

            return AwaitThenScheduleNext(task);
        }

        private async ValueTask<VoidResult> AwaitThenScheduleNext(Task task)
        {
            try
            {
                await task.ConfigureAwait(true);
            }
            finally
            {
                timer.ScheduleNext();
            }

            return default;
        }
    }
}

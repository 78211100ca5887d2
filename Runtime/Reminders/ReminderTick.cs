using System.Diagnostics;
using Meridian.Runtime.CodeGeneration;
using Meridian.Runtime.Core;
using Meridian.Runtime.Time;

namespace Meridian.Runtime.Reminders;

/// <summary>
/// One reminder tick, delivered as a request on the grain's turn (it waits for the activation like any request,
/// and activates the grain if needed), the way stream events are delivered.
/// </summary>
internal sealed class ReminderTick(GrainId grainId, string reminderName, TickStatus status, WorkTracker? tracker) : GrainRequest<VoidResult>
{
    private static readonly GrainMethod s_receiveReminder = new(typeof(IRemindable), nameof(IRemindable.ReceiveReminder), GrainMethodOptions.None);

    private int _countTakenBack;

    public override GrainMethod Method => s_receiveReminder;

    public override int ArgumentCount => 2;

    public override object? GetArgument(int index) => index switch
    {
        0 => reminderName,
        1 => status,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>True once the tick has run in the grain, whatever the outcome; false when it could not be delivered.</summary>
    public bool Ran { get; private set; }

    /// <summary>A tick waits as long as the grain takes: giving up on one that still waits or runs would let the next tick overlap it.</summary>
    internal override bool TimesOut => false;

    /// <summary>
    /// Sends the tick; the task completes when it has run (failing with ReceiveReminder's exception) or could not be
    /// delivered. The caller's unit of simulated-clock work is handed to the tick until then.
    /// </summary>
    public Task DeliverAsync(GrainRuntime runtime, GrainClassInfo grainClass)
    {
        StartTimestamp = Stopwatch.GetTimestamp();
        var done = CreateCallerTask();
        runtime.Redispatch(grainId, grainClass, this);

        // While the tick waits at a busy grain it is the grain's work, counted once admitted: a grain asleep on the
        // simulated clock must not keep the clock from advancing. The tick takes the count back when it has run or
        // failed, before its awaiter goes on.
        tracker?.Decrement();
        return done;
    }

    public override ValueTask<VoidResult> InvokeAsync(object grain)
    {
        if (grain is not IRemindable remindable)
        {
            throw new InvalidOperationException(
                $"grain {grainId} ({grain.GetType().FullName}) has reminder '{reminderName}' but does not implement IRemindable: " +
                "implement IRemindable.ReceiveReminder, or unregister the reminder");
        }

        var received = remindable.ReceiveReminder(reminderName, status)
            ?? throw new InvalidOperationException($"{grain.GetType().FullName}.ReceiveReminder returned a null task");
        return received.IsCompleted ? VoidResult.From(received) : TakeBackCountOnTurnAsync(received);
    }

    /// <summary>
    /// Waits for ReceiveReminder on the grain's turn and takes the count back there, while the turn still counts as
    /// work: the runtime finishes an asynchronous request off the turn, after a moment in which nothing would count.
    /// </summary>
    private async ValueTask<VoidResult> TakeBackCountOnTurnAsync(Task received)
    {
        try
        {
            await received.ConfigureAwait(true);
        }
        finally
        {
            TakeBackCount();
        }

        return default;
    }

    private protected override void OnFinished()
    {
        Ran = true;
        TakeBackCount();
    }

    internal override void FailCaller(Exception error)
    {
        TakeBackCount();
        base.FailCaller(error);
    }

    private void TakeBackCount()
    {
        if (tracker is not null && Interlocked.Exchange(ref _countTakenBack, 1) == 0)
            tracker.Increment();
    }
}

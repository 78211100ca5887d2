using Meridian.Runtime.Core;

namespace Meridian.Runtime.Reminders;

/// <summary>
/// One registration of a reminder at work: a timer on the silo's clock set for the next due tick, and the delivery
/// of each tick to the grain. The timer is set again only when a tick has been delivered and recorded, so ticks of
/// one reminder never overlap. A pending timer is not simulated-clock work; a tick being delivered is.
/// </summary>
internal sealed class ScheduledReminder(ReminderService service, GrainClassInfo grainClass, ReminderEntry entry)
{
    /// <summary>The longest a timer is set for at once (a system timer takes at most ~49 days); a longer wait is taken in pieces.</summary>
    private static readonly TimeSpan s_longestTimerWait = TimeSpan.FromDays(7);

    private readonly Lock _lock = new();
    private ITimer? _timer;
    private DateTimeOffset? _lastTick = entry.LastTick;
    private DateTimeOffset _nextTick;
    private bool _stopped;

    public GrainId GrainId => entry.GrainId;

    public string Name => entry.Name;

    public ReminderSchedule Schedule => entry.Schedule;

    /// <summary>Sets the timer for the next due tick: at once when ticks fell due undelivered. Does nothing once started or stopped.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_stopped || _timer is not null)
                return;
            _timer = service.Runtime.Clock.CreateTimer(static s => ((ScheduledReminder)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            SetTimerLocked();
        }
    }

    /// <summary>No tick starts from now on; a tick being delivered finishes (and is recorded) but is not followed by another.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stopped = true;
            _timer?.Dispose();
        }
    }

    private void SetTimerLocked()
    {
        var now = service.Runtime.Clock.GetUtcNow();
        (_nextTick, var dueIn) = Schedule.Next(_lastTick, now);
        _timer!.Change(dueIn < s_longestTimerWait ? dueIn : s_longestTimerWait, Timeout.InfiniteTimeSpan);
    }

    private void OnDue()
    {
        DateTimeOffset tick;
        lock (_lock)
        {
            if (_stopped)
                return;

            // A system timer may wake a little early, and a long wait is taken in pieces: not due yet, wait on.
            if (service.Runtime.Clock.GetUtcNow() < _nextTick)
            {
                SetTimerLocked();
                return;
            }

            tick = _nextTick;
        }

        service.Runtime.WorkTracker?.Increment();
        service.TrackDelivery(DeliverAsync(tick));
    }

    /// <summary>Delivers the tick due at <paramref name="tick"/>, records it, sets the timer for the next one. Never throws.</summary>
    private async Task DeliverAsync(DateTimeOffset tick)
    {
        try
        {
            var request = new ReminderTick(GrainId, Name, new TickStatus(Schedule.Start, Schedule.Period, tick), service.Runtime.WorkTracker);
            try
            {
                await request.DeliverAsync(service.Runtime, grainClass).ConfigureAwait(false);
            }
            catch (Exception exception) when (request.Ran)
            {
                service.Log.TickFailed(Name, GrainId, tick, exception);
            }
            catch (Exception exception)
            {
                service.Log.TickNotDelivered(Name, GrainId, tick, exception);
            }

            // A tick that never reached the grain is not recorded: after a restart it is due again, once.
            if (request.Ran)
                await RecordAsync(tick).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                // Past this tick even when it was not delivered: the next one keeps the schedule instead of retrying at once.
                _lastTick = tick;
                if (!_stopped)
                    SetTimerLocked();
            }

            service.Runtime.WorkTracker?.Decrement();
        }
    }

    private async Task RecordAsync(DateTimeOffset tick)
    {
        try
        {
            await service.Table.RecordTickAsync(GrainId, Name, Schedule, tick).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            service.Log.TickNotRecorded(Name, GrainId, tick, exception);
        }
    }
}

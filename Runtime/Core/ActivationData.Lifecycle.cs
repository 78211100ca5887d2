using Meridian.Runtime.CodeGeneration;
using Meridian.Runtime.Timers;

namespace Meridian.Runtime.Core;

/// <summary>
/// Lifecycle: construct the grain, read its state, <c>OnActivateAsync</c>; and on the way out
/// <c>OnDeactivateAsync</c>, timers disposed, waiting requests forwarded to the next activation.
/// </summary>
internal sealed partial class ActivationData : IGrainActivationContext
{
    [ThreadStatic]
    private static ActivationData? t_constructing;

    private readonly List<IPersistentStateBinding> _states = [];
    private readonly List<GrainTimer> _timers = [];
    private long _lastUsedEpoch;
    private DeactivationReason? _deactivationRequested;
    private readonly TaskCompletionSource _gone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the activation is gone (deactivated, or its activation failed).</summary>
    public Task Gone => _gone.Task;

    /// <summary>The activation whose grain is being constructed on this thread, for <see cref="Grain"/>'s constructor.</summary>
    public static ActivationData? Constructing => t_constructing;

    public IReadOnlyList<IPersistentStateBinding> PersistentStates => _states;

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string storageName)
    {
        var state = new PersistentState<TState>(this, stateName, storageName, Runtime.GetStorage(storageName, ClassInfo));
        _states.Add(state);
        return state;
    }

    /// <summary>Queues the activation step; requests wait behind it.</summary>
    public void BeginActivation() => EnqueueWork(new WorkItem(static state => ((ActivationData)state!).StartActivation(), this));

    private void StartActivation() => _ = ActivateAsync();

    private async Task ActivateAsync()
    {
        try
        {
            t_constructing = this;
            try
            {
                GrainInstance = ClassInfo.Create(Runtime.Services, this);
            }
            finally
            {
                t_constructing = null;
            }

            foreach (var state in _states)
                await state.ReadStateAsync().ConfigureAwait(true);
            if (GrainInstance is Grain grain)
                await grain.OnActivateAsync(Runtime.ShutdownToken).ConfigureAwait(true);
        }
        catch (Exception exception)
        {
            FailActivation(exception);
            return;
        }

        bool schedule;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
                return; // retired by force while OnActivateAsync ran
            _state = ActivationState.Valid;
            schedule = AdmitWaitingLocked();
            schedule |= StartDeactivationIfRequestedLocked();
        }

        Runtime.Log.Activated(GrainId);
        if (schedule)
            Schedule();
    }

    /// <summary>Nothing of a failed activation stays: no instance, no timers, no directory entry; its callers get the error.</summary>
    private void FailActivation(Exception exception)
    {
        Runtime.Log.ActivationFailed(GrainId, exception);
        GrainInstance = null;
        foreach (var request in Retire())
            request.FailCaller(exception);
    }

    /// <summary>Ends the activation: timers disposed, no more requests accepted, out of the directory. Returns the requests that were waiting.</summary>
    private GrainRequest[] Retire()
    {
        DisposeTimers();
        GrainRequest[] waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        Runtime.Directory.Remove(this);
        _gone.TrySetResult();
        return waiting;
    }

    /// <summary>Deactivates once no request runs (Orleans' DeactivateOnIdle).</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        bool schedule;
        lock (_lock)
        {
            _deactivationRequested ??= reason;
            schedule = StartDeactivationIfRequestedLocked();
        }

        if (schedule)
            Schedule();
    }

    /// <summary>
    /// For a stopping silo whose patience ran out: deactivates now even with requests running (their callers keep
    /// waiting for their timeout), and retires at once an activation stuck in OnActivateAsync or OnDeactivateAsync.
    /// </summary>
    public void ForceDeactivation()
    {
        bool schedule, stuck;
        lock (_lock)
        {
            _deactivationRequested ??= new DeactivationReason(DeactivationReasonCode.ShuttingDown, "forced");
            stuck = _state is ActivationState.Activating or ActivationState.Deactivating;
            schedule = !stuck && StartDeactivationLocked(force: true);
        }

        if (schedule)
            Schedule();
        if (!stuck)
            return;
        Runtime.Log.ForcedRetirement(GrainId);
        foreach (var request in Retire())
            request.FailCaller(new SiloUnavailableException($"the silo stopped before {GrainId} could serve {request.Method.DisplayName}"));
    }

    private bool StartDeactivationIfRequestedLocked() => StartDeactivationLocked(force: false);

    private bool StartDeactivationLocked(bool force)
    {
        if (_deactivationRequested is null || _state != ActivationState.Valid || (_running.Count != 0 && !force))
            return false;
        _state = ActivationState.Deactivating;
        _work.Enqueue(new WorkItem(static state => ((ActivationData)state!).StartDeactivation(), this));
        Runtime.WorkTracker?.Increment();
        return ClaimScheduleLocked();
    }

    private void StartDeactivation() => _ = DeactivateAsync();

    private async Task DeactivateAsync()
    {
        var reason = _deactivationRequested!.Value;
        try
        {
            if (GrainInstance is Grain grain)
            {
                await grain.OnDeactivateAsync(reason, Runtime.ShutdownToken)
                    .WaitAsync(Runtime.Collector.DeactivationTimeout).ConfigureAwait(true);
            }
        }
        catch (Exception exception)
        {
            Runtime.Log.DeactivationFailed(GrainId, exception);
        }

        if (State == ActivationState.Invalid)
            return; // retired by force while OnDeactivateAsync ran
        var waiting = Retire();
        Runtime.Log.Deactivated(GrainId, reason.Code, reason.Description);
        foreach (var request in waiting)
        {
            if (!request.BelongsToActivation)
                Runtime.Redispatch(GrainId, ClassInfo, request);
        }
    }

    /// <summary>Starts deactivation when idle for at least <paramref name="idleEpochs"/> collection quanta.</summary>
    public void CollectIfIdle(long epoch, long idleEpochs)
    {
        bool schedule;
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _running.Count != 0 || _waiting.Count != 0 || _executing || epoch - _lastUsedEpoch < idleEpochs)
                return;
            _deactivationRequested ??= new DeactivationReason(DeactivationReasonCode.ActivationIdle, "idle longer than the collection age");
            schedule = StartDeactivationIfRequestedLocked();
        }

        if (schedule)
            Schedule();
    }

    public void AddTimer(GrainTimer timer)
    {
        lock (_lock)
            _timers.Add(timer);
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
            _timers.Remove(timer);
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
            timer.Dispose();
    }
}

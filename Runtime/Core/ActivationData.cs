using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>
/// One activation of a grain: the grain instance, its work queue and the admission state that decides which
/// request may run (Orleans' ActivationData, split by concern: admission here, execution, lifecycle and
/// inline calls in the other parts of this partial class).
/// </summary>
internal sealed partial class ActivationData
{
    private readonly Lock _lock = new();
    private readonly Queue<WorkItem> _work = new();
    private readonly Queue<GrainRequest> _waiting = new();
    private readonly List<RunningRequest> _running = new(2);
    private readonly SendOrPostCallback _startRequest;
    private int _runningWriters;
    private long _lastToken;
    private volatile ActivationState _state = ActivationState.Activating;

    public ActivationData(GrainRuntime runtime, GrainId grainId, GrainClassInfo classInfo)
    {
        Runtime = runtime;
        GrainId = grainId;
        ClassInfo = classInfo;
        SyncContext = new ActivationSynchronizationContext(this);
        _startRequest = state => ((GrainRequest)state!).Execute(this);
        _lastUsedEpoch = runtime.Collector.Epoch;
    }

    public GrainRuntime Runtime { get; }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    public ActivationSynchronizationContext SyncContext { get; }

    /// <summary>The grain object; null until constructed, and after a failed activation.</summary>
    public object? GrainInstance { get; private set; }

    public bool HasIncomingFilters => Runtime.Filters.HasIncoming || ClassInfo.IsIncomingFilter;

    /// <summary>The lifecycle state; read without the lock (it only moves forward).</summary>
    public ActivationState State => _state;

    /// <summary>
    /// Queues <paramref name="request"/>, admitting it at once when Orleans' rules allow. Returns false when the
    /// activation is gone and the caller must resolve the grain again.
    /// </summary>
    public bool Enqueue(GrainRequest request)
    {
        DeadlockException? cycle = null;
        bool schedule;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
                return false;

            // A request whose caller already has its answer (a timeout) is dropped, as Orleans drops expired messages.
            if (request.CallerNotified)
                return true;

            if (AcceptsRequestsLocked && (request.Method.IsAlwaysInterleave || (_waiting.Count == 0 && MayInvoke(request.Method))))
            {
                schedule = AdmitLocked(request);
            }
            else
            {
                cycle = AcceptsRequestsLocked ? CheckCycleLocked(request) : null;
                if (cycle is null)
                    _waiting.Enqueue(request);
                schedule = false;
            }
        }

        if (cycle is not null)
            request.FailCaller(cycle);
        if (schedule)
            Schedule();
        return true;
    }

    /// <summary>New requests are admitted only while the activation is valid and no deactivation is pending.</summary>
    private bool AcceptsRequestsLocked => _state == ActivationState.Valid && _deactivationRequested is null;

    /// <summary>
    /// Orleans' admission rules (ActivationData.MayInvokeRequest): each early return is one rule.
    /// Caller holds the lock.
    /// </summary>
    private bool MayInvoke(GrainMethod method)
    {
        // Nothing runs: anything may start.
        if (_running.Count == 0)
            return true;

        // A reentrant grain interleaves every request at await points.
        if (ClassInfo.IsReentrant)
            return true;

        // [AlwaysInterleave] ignores what runs.
        if (method.IsAlwaysInterleave)
            return true;

        // [ReadOnly] interleaves with read-only requests only.
        return method.IsReadOnly && _runningWriters == 0;
    }

    /// <summary>Marks the request running and queues its start. Returns true when the activation must be scheduled.</summary>
    private bool AdmitLocked(GrainRequest request)
    {
        request.Token = AddRunningLocked(request.Method, request.Caller, request);
        return EnqueueWorkLocked(new WorkItem(_startRequest, request));
    }

    private long AddRunningLocked(GrainMethod method, CallChainLink? caller, GrainRequest? request)
    {
        var token = ++_lastToken;
        _running.Add(new RunningRequest(token, caller, method.IsReadOnly, request));
        if (!method.IsReadOnly)
            _runningWriters++;
        if (method.KeepsAlive)
            _lastUsedEpoch = Runtime.Collector.Epoch;
        return token;
    }

    private void RemoveRunningLocked(long token)
    {
        for (var i = 0; i < _running.Count; i++)
        {
            if (_running[i].Token != token)
                continue;
            if (!_running[i].IsReadOnly)
                _runningWriters--;
            _running.RemoveAt(i);
            return;
        }
    }

    /// <summary>Admits waiting requests in arrival order while the rules allow. Returns true when work was queued.</summary>
    private bool AdmitWaitingLocked()
    {
        var schedule = false;
        while (AcceptsRequestsLocked && _waiting.TryPeek(out var next) && MayInvoke(next.Method))
        {
            _waiting.Dequeue();
            if (next.CallerNotified)
                continue; // timed out while waiting: Orleans drops expired requests rather than running them late
            schedule |= AdmitLocked(next);
        }

        return schedule;
    }

    /// <summary>A request that ran in this activation has finished: free its slot and let the next ones in.</summary>
    public void CompleteRequest(GrainRequest request, Exception? error)
    {
        bool schedule;
        List<(GrainRequest, DeadlockException)>? cycles;
        lock (_lock)
        {
            RemoveRunningLocked(request.Token);
            if (request.Method.KeepsAlive)
                _lastUsedEpoch = Runtime.Collector.Epoch;
            schedule = AfterRequestLeftLocked(out cycles);
        }

        FailCycles(cycles);

        Runtime.Statistics.Record(request.Method, request.StartTimestamp, error is not null);
        if (error is InconsistentStateException)
            RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationError, error.Message));
        if (schedule)
            Schedule();
    }

    /// <summary>
    /// A request left (finished, or its turn ended): start a pending deactivation, fail waiting calls now proven
    /// to close a cycle, let the next requests in. Returns true when the activation must be scheduled.
    /// </summary>
    private bool AfterRequestLeftLocked(out List<(GrainRequest, DeadlockException)>? cycles)
    {
        var schedule = StartDeactivationIfRequestedLocked();
        cycles = ConfirmCyclesLocked();
        schedule |= AdmitWaitingLocked();
        return schedule;
    }

    /// <summary>Fails the callers of requests that have waited or run longer than the timeout.</summary>
    public void CollectTimedOut(long now, long timeoutTicks, List<GrainRequest> timedOut)
    {
        lock (_lock)
        {
            foreach (var waiting in _waiting)
            {
                if (waiting.TimesOut && !waiting.CallerNotified && now - waiting.StartTimestamp > timeoutTicks)
                    timedOut.Add(waiting);
            }

            foreach (var running in _running)
            {
                if (running.Request is { TimesOut: true, CallerNotified: false } request && now - request.StartTimestamp > timeoutTicks)
                    timedOut.Add(request);
            }
        }
    }

    /// <summary>A snapshot for introspection.</summary>
    public (ActivationState State, int Running, int Waiting, long LastUsedEpoch) Describe()
    {
        lock (_lock)
            return (_state, _running.Count, _waiting.Count, _lastUsedEpoch);
    }

    public override string ToString() => GrainId.ToString();
}

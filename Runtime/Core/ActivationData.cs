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

            if (_state == ActivationState.Valid && (request.Method.IsAlwaysInterleave || (_waiting.Count == 0 && MayInvoke(request.Method))))
            {
                schedule = AdmitLocked(request);
            }
            else
            {
                if (_state == ActivationState.Valid)
                    cycle = FindCycleLocked(request);
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
        while (_state == ActivationState.Valid && _waiting.TryPeek(out var next) && MayInvoke(next.Method))
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
        lock (_lock)
        {
            RemoveRunningLocked(request.Token);
            if (request.Method.KeepsAlive)
                _lastUsedEpoch = Runtime.Collector.Epoch;
            schedule = AdmitWaitingLocked();
            schedule |= StartDeactivationIfRequestedLocked();
        }

        Runtime.Statistics.Record(request.Method, request.StartTimestamp, error is not null);
        if (error is InconsistentStateException)
            RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationError, error.Message));
        if (schedule)
            Schedule();
    }

    /// <summary>
    /// A waiting request whose caller chain already runs in this activation would wait for itself: that is a
    /// deadlock, reported now with the cycle named.
    /// </summary>
    private DeadlockException? FindCycleLocked(GrainRequest request)
    {
        var depth = 0;
        for (var link = request.Caller; link is not null; link = link.Parent, depth++)
        {
            if (!ReferenceEquals(link.Activation, this) || !IsRunningLocked(link.Token))
                continue;

            var cycle = new List<GrainId>(depth + 2) { GrainId };
            for (var step = request.Caller; step is not null && !ReferenceEquals(step, link); step = step.Parent)
                cycle.Add(step.Activation.GrainId);
            cycle.Add(GrainId);
            cycle.Reverse();
            return new DeadlockException(cycle, request.Method);
        }

        return null;
    }

    private bool IsRunningLocked(long token)
    {
        foreach (var running in _running)
        {
            if (running.Token == token)
                return true;
        }

        return false;
    }

    /// <summary>The link that calls made now by this activation's code carry: it names the request that makes them.</summary>
    public CallChainLink CreateOutgoingLink()
    {
        lock (_lock)
        {
            return _running.Count == 1
                ? new CallChainLink(this, _running[0].Token, _running[0].Caller)
                : new CallChainLink(this, CallChainLink.Ambiguous, null);
        }
    }

    /// <summary>Fails the callers of requests that have waited or run longer than the timeout.</summary>
    public void CollectTimedOut(long now, long timeoutTicks, List<GrainRequest> timedOut)
    {
        lock (_lock)
        {
            foreach (var waiting in _waiting)
            {
                if (waiting.HasCaller && !waiting.CallerNotified && now - waiting.StartTimestamp > timeoutTicks)
                    timedOut.Add(waiting);
            }

            foreach (var running in _running)
            {
                if (running.Request is { HasCaller: true, CallerNotified: false } request && now - request.StartTimestamp > timeoutTicks)
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

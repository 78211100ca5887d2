using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>
/// Inline calls: when an activation is idle, the caller's thread runs the grain method itself, as a plain
/// method call, and the activation is busy for exactly that long. No queue, no thread hop, no allocation.
/// </summary>
internal sealed partial class ActivationData
{
    /// <summary>Claims the idle activation for one inline call of <paramref name="method"/>.</summary>
    public bool TryEnterInline(GrainMethod method, CallChainLink? caller, out long token)
    {
        lock (_lock)
        {
            if (!AcceptsRequestsLocked || _executing || _scheduled || _waiting.Count != 0 || !MayInvoke(method))
            {
                token = 0;
                return false;
            }

            _executing = true;
            token = AddRunningLocked(method, caller, request: null);
        }

        Runtime.WorkTracker?.Increment();
        return true;
    }

    /// <summary>The inline call completed synchronously: release the activation.</summary>
    public void ExitInline(GrainMethod method, long token, long startTimestamp, bool failed)
    {
        bool schedule;
        List<(GrainRequest, DeadlockException)>? cycles;
        lock (_lock)
        {
            _executing = false;
            RemoveRunningLocked(token);
            schedule = AfterRequestLeftLocked(out cycles);
            schedule |= ClaimScheduleLocked();
        }

        FailCycles(cycles);
        Runtime.WorkTracker?.Decrement();
        Runtime.Statistics.Record(method, startTimestamp, failed);
        if (schedule)
            Schedule();
    }

    /// <summary>
    /// The inline call is still running after its first synchronous part: the caller's thread lets go of the
    /// activation, and the call stays admitted until <paramref name="pending"/> completes.
    /// </summary>
    public void ContinueInlineAsync<TResult>(InlineContinuation<TResult> call, ValueTask<TResult> pending)
    {
        bool schedule;
        List<(GrainRequest, DeadlockException)>? cycles;
        lock (_lock)
        {
            for (var i = 0; i < _running.Count; i++)
            {
                if (_running[i].Token == call.Token)
                    _running[i] = _running[i] with { Request = call };
            }

            _executing = false;
            cycles = ConfirmCyclesLocked();
            schedule = ClaimScheduleLocked();
        }

        FailCycles(cycles);
        Runtime.WorkTracker?.Decrement();
        if (schedule)
            Schedule();
        call.Track(this, pending);
    }
}

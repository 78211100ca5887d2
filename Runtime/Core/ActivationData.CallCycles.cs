using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime.Core;

/// <summary>
/// Call cycles. Every call made by grain code carries a link to the request that made it (see
/// <see cref="CallChainLink"/>). A call that must wait at this activation while a request of its own chain runs
/// here closes a cycle: if that request waits for the call's result, nothing can ever move. Whether it waits is
/// known when its turn ends: a request that completed synchronously (a call it did not await) lets the call in
/// as usual; a request that is still running when its turn ends is waiting, and the call fails at once with the
/// cycle named, instead of after the request timeout as in Orleans.
/// </summary>
internal sealed partial class ActivationData
{
    /// <summary>Links longer than this are cut: a chain of calls nobody awaits must not grow without bound.</summary>
    private const int MaxChainDepth = 64;

    private List<SuspectedCycle>? _suspectedCycles;

    /// <summary>The link that calls made now by this activation's code carry: it names the request that makes them.</summary>
    public CallChainLink CreateOutgoingLink()
    {
        lock (_lock)
        {
            if (_running.Count != 1)
                return new CallChainLink(this, CallChainLink.Ambiguous, null);
            var parent = _running[0].Caller;
            return new CallChainLink(this, _running[0].Token, parent is { Depth: >= MaxChainDepth } ? null : parent);
        }
    }

    /// <summary>
    /// For a request that must wait here: the cycle it closes, if any, to fail it with now; or null, the request
    /// waits (and is remembered as suspect while this activation's current turn is still executing).
    /// </summary>
    private DeadlockException? CheckCycleLocked(GrainRequest request)
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
            var error = new DeadlockException(cycle, request.Method);
            if (!_executing)
                return error;
            (_suspectedCycles ??= []).Add(new SuspectedCycle(request, link.Token, error));
            return null;
        }

        return null;
    }

    /// <summary>At the end of a turn: the suspect requests whose chain's request is still running here are deadlocked.</summary>
    private List<(GrainRequest, DeadlockException)>? ConfirmCyclesLocked()
    {
        if (_suspectedCycles is null)
            return null;

        List<(GrainRequest, DeadlockException)>? confirmed = null;
        foreach (var suspect in _suspectedCycles)
        {
            if (IsRunningLocked(suspect.Token) && _waiting.Contains(suspect.Request))
                (confirmed ??= []).Add((suspect.Request, suspect.Error));
        }

        _suspectedCycles = null;
        if (confirmed is not null)
        {
            var failed = confirmed.Select(c => c.Item1).ToHashSet();
            var remaining = _waiting.Where(r => !failed.Contains(r)).ToList();
            _waiting.Clear();
            foreach (var request in remaining)
                _waiting.Enqueue(request);
        }

        return confirmed;
    }

    private static void FailCycles(List<(GrainRequest Request, DeadlockException Error)>? cycles)
    {
        if (cycles is null)
            return;
        foreach (var (request, error) in cycles)
            request.FailCaller(error);
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

    private readonly record struct SuspectedCycle(GrainRequest Request, long Token, DeadlockException Error);
}

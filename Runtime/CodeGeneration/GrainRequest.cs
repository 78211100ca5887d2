using Meridian.Runtime.Core;

namespace Meridian.Runtime.CodeGeneration;

/// <summary>
/// One call to a grain method that could not run inline: its arguments (fields of the generated subclass) and
/// the runtime's bookkeeping for it (caller chain, start time, admission token).
/// </summary>
public abstract class GrainRequest
{
    private int _callerNotified;

    /// <summary>The method this request calls.</summary>
    public abstract GrainMethod Method { get; }

    /// <summary>The number of arguments.</summary>
    public abstract int ArgumentCount { get; }

    /// <summary>The argument at <paramref name="index"/>, boxed; for call filters and logging, not for the hot path.</summary>
    public abstract object? GetArgument(int index);

    /// <summary>The call chain of the grain request that made this call, or null for a call from outside any grain.</summary>
    internal CallChainLink? Caller { get; set; }

    /// <summary>When the caller made the call, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    internal long StartTimestamp { get; set; }

    /// <summary>The admission token while the request runs in an activation.</summary>
    internal long Token { get; set; }

    /// <summary>True once the caller has its answer (a result, an error or a timeout).</summary>
    internal bool CallerNotified => Volatile.Read(ref _callerNotified) != 0;

    /// <summary>True when someone waits for the answer (false for one-way calls and timer ticks).</summary>
    internal abstract bool HasCaller { get; }

    /// <summary>True when the request timeout applies: someone waits for the answer and the request does not opt out (reminder ticks do).</summary>
    internal virtual bool TimesOut => HasCaller;

    /// <summary>True for work that only makes sense in the activation that queued it (a timer tick): it is dropped, not forwarded, when that activation goes.</summary>
    internal virtual bool BelongsToActivation => false;

    /// <summary>Claims the right to answer the caller; only the first of result, error or timeout wins.</summary>
    private protected bool TryClaimCaller() => Interlocked.Exchange(ref _callerNotified, 1) == 0;

    /// <summary>Runs the request in <paramref name="activation"/>, on the activation's turn.</summary>
    internal abstract void Execute(ActivationData activation);

    /// <summary>Answers the caller with an error without running the request (timeout, call cycle, failed activation).</summary>
    internal abstract void FailCaller(Exception error);
}

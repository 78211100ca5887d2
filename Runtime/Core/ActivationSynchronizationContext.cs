namespace Meridian.Runtime.Core;

/// <summary>
/// The synchronization context grain code runs under: every continuation of an <c>await</c> in grain code is
/// posted back to the activation's work queue, so the activation stays single-threaded across awaits.
/// </summary>
internal sealed class ActivationSynchronizationContext(ActivationData activation) : SynchronizationContext
{
    public ActivationData Activation { get; } = activation;

    public override void Post(SendOrPostCallback d, object? state) => Activation.EnqueueWork(new WorkItem(d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("synchronous Send on a grain's context would block its only thread; use await");

    public override SynchronizationContext CreateCopy() => this;
}

/// <summary>One unit of work on an activation's queue: a continuation, a request start, a timer tick, a lifecycle step.</summary>
internal readonly record struct WorkItem(SendOrPostCallback Callback, object? State);

/// <summary>Helpers to enter and leave an activation's context on the current thread.</summary>
internal static class ActivationScope
{
    /// <summary>The activation whose code runs on this thread now, if any.</summary>
    public static ActivationData? Current => (SynchronizationContext.Current as ActivationSynchronizationContext)?.Activation;

    /// <summary>Leaves any activation context until disposed, so that code run meanwhile (a caller's continuation) is not grain code.</summary>
    public static Restore Leave()
    {
        var previous = SynchronizationContext.Current;
        if (previous is not null)
            SynchronizationContext.SetSynchronizationContext(null);
        return new Restore(previous);
    }

    /// <summary>Puts the previous context back.</summary>
    public readonly struct Restore(SynchronizationContext? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is not null)
                SynchronizationContext.SetSynchronizationContext(previous);
        }
    }
}

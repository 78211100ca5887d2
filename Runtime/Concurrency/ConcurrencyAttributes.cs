namespace Meridian.Runtime.Concurrency;

/// <summary>
/// The grain's activation may interleave requests at await points: a new request is admitted while another
/// is waiting. Execution stays single-threaded.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>The method is admitted at any time, interleaving with whatever the activation is doing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>
/// The method does not change the grain's state: it interleaves with other read-only calls, and only with them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>The caller does not wait for the method: the call returns at once and errors are only logged.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;

/// <summary>
/// The grain is stateless: the silo may run up to <see cref="MaxLocalWorkers"/> activations of one id at once,
/// each handling one request at a time, to spread load.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute : Attribute
{
    /// <summary>At most one activation per core.</summary>
    public StatelessWorkerAttribute() : this(Environment.ProcessorCount) { }

    /// <summary>At most <paramref name="maxLocalWorkers"/> activations.</summary>
    public StatelessWorkerAttribute(int maxLocalWorkers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLocalWorkers, 1);
        MaxLocalWorkers = maxLocalWorkers;
    }

    /// <summary>The most activations of one id that run at once in a silo.</summary>
    public int MaxLocalWorkers { get; }
}

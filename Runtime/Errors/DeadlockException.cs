using Meridian.Runtime.CodeGeneration;

namespace Meridian.Runtime;

/// <summary>
/// A call would wait for itself: it closes a cycle of calls among grains that do not interleave
/// (A -> B -> A). Thrown at once, instead of the request timing out.
/// </summary>
public sealed class DeadlockException : InvalidOperationException
{
    internal DeadlockException(IReadOnlyList<GrainId> cycle, GrainMethod method)
        : base(Describe(cycle, method))
    {
        Cycle = cycle;
    }

    /// <summary>Creates an exception with a message.</summary>
    public DeadlockException(string message) : base(message) => Cycle = [];

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public DeadlockException(string message, Exception innerException) : base(message, innerException) => Cycle = [];

    /// <summary>Creates an exception with no message.</summary>
    public DeadlockException() : this("a call cycle among non-reentrant grains would deadlock") { }

    /// <summary>The grains of the cycle in call order; the first and last are the same grain.</summary>
    public IReadOnlyList<GrainId> Cycle { get; }

    private static string Describe(IReadOnlyList<GrainId> cycle, GrainMethod method) =>
        $"call cycle detected: {string.Join(" -> ", cycle)} (calling {method.DisplayName}). Grain '{cycle[0]}' is busy " +
        $"with the request that started the cycle and does not interleave, so this call would wait for itself until " +
        $"the request timeout. Break the cycle, mark the grain class [Reentrant] or the method [AlwaysInterleave].";
}

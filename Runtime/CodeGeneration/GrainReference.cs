using Meridian.Runtime.Core;

namespace Meridian.Runtime.CodeGeneration;

/// <summary>
/// A reference to a grain: a value equal by grain id and interface, cheap to create, serializable, and never
/// activating anything until a method is called. Generated proxies derive from it. Serialize references with
/// <see cref="GrainReferenceJsonConverter"/>.
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    private ActivationData? _cachedActivation;

    /// <summary>Called by generated proxies.</summary>
    protected GrainReference(GrainReferenceShared shared, GrainId grainId)
    {
        ArgumentNullException.ThrowIfNull(shared);
        Shared = shared;
        GrainId = grainId;
    }

    /// <summary>The grain this reference addresses.</summary>
    public GrainId GrainId { get; }

    /// <summary>The grain interface this reference implements.</summary>
    public Type InterfaceType => Shared.InterfaceType;

    internal GrainReferenceShared Shared { get; }

    /// <summary>The activation this reference last reached; re-resolved once it is no longer valid.</summary>
    internal ActivationData? CachedActivation
    {
        get => Volatile.Read(ref _cachedActivation);
        set => Volatile.Write(ref _cachedActivation, value);
    }

    /// <summary>
    /// Enters the target activation on the caller's thread when it is idle and nothing else stands in the way
    /// (filters, a queue, a stateless worker), so the method runs as a plain call. Generated code only.
    /// </summary>
    protected bool TryEnterInline(GrainMethod method, out InlineTurn turn) =>
        Shared.Runtime.TryEnterInline(this, method, out turn);

    /// <summary>Sends <paramref name="request"/> through the activation's queue and returns what the caller awaits.</summary>
    protected Task<TResult> SendAsync<TResult>(GrainRequest<TResult> request) => Shared.Runtime.SendAsync(this, request);

    /// <summary>Sends a one-way request: the caller does not wait for it.</summary>
    protected void SendOneWay<TResult>(GrainRequest<TResult> request) => Shared.Runtime.SendOneWay(this, request);

    /// <inheritdoc />
    public bool Equals(GrainReference? other) =>
        other is not null && GrainId.Equals(other.GrainId) && InterfaceType == other.InterfaceType;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GrainReference);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GrainId, InterfaceType);

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceType.Name}:{GrainId}";

    /// <summary>Equality by grain id and interface.</summary>
    public static bool operator ==(GrainReference? left, GrainReference? right) => Equals(left, right);

    /// <summary>Inequality by grain id and interface.</summary>
    public static bool operator !=(GrainReference? left, GrainReference? right) => !Equals(left, right);
}

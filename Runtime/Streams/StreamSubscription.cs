using System.Security.Cryptography;
using System.Text;

namespace Meridian.Runtime.Streams;

/// <summary>
/// One subscription in a provider's pub-sub table: owned by a grain (its observer lives in the grain's
/// activation and is resumed after reactivation) or by code outside grains (the observer is held here).
/// </summary>
internal sealed class StreamSubscription(Guid handleId, StreamId streamId, GrainId? grain, bool isImplicit)
{
    public Guid HandleId { get; } = handleId;

    public StreamId StreamId { get; } = streamId;

    /// <summary>The subscribing grain; null for a subscriber outside grains.</summary>
    public GrainId? Grain { get; } = grain;

    public bool IsImplicit { get; } = isImplicit;

    /// <summary>Set by UnsubscribeAsync: no event is delivered to the subscription after it.</summary>
    public bool IsRemoved
    {
        get => Volatile.Read(ref _removed);
        set => Volatile.Write(ref _removed, value);
    }

    private bool _removed;

    /// <summary>The observer of a subscriber outside grains.</summary>
    public object? ExternalObserver { get; set; }

    /// <summary>The handle of grain type <paramref name="grainType"/>'s implicit subscription: the same on every run.</summary>
    public static Guid ImplicitHandleId(string grainType, StreamId streamId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"implicit:{grainType}:{streamId}"), hash);
        return new Guid(hash[..16]);
    }
}

/// <summary>The handle grain code and clients hold for a subscription.</summary>
internal sealed class StreamSubscriptionHandleImpl<T>(StreamProviderBase provider, StreamSubscription subscription) : StreamSubscriptionHandle<T>
{
    public override Guid HandleId => subscription.HandleId;

    public override StreamId StreamId => subscription.StreamId;

    public override Task UnsubscribeAsync() => provider.UnsubscribeAsync(subscription);

    public override Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        StreamProviderBase.Attach(subscription, observer);
        return Task.FromResult<StreamSubscriptionHandle<T>>(this);
    }

    public override bool Equals(object? obj) => obj is StreamSubscriptionHandleImpl<T> other && other.HandleId == HandleId;

    public override int GetHashCode() => HandleId.GetHashCode();
}

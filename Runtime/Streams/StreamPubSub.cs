using System.Collections.Concurrent;
using Meridian.Runtime.Core;

namespace Meridian.Runtime.Streams;

/// <summary>
/// A provider's subscriptions: explicit ones (grains and outside code that called SubscribeAsync) and implicit
/// ones, derived from <see cref="ImplicitStreamSubscriptionAttribute"/> on grain classes.
/// </summary>
internal sealed class StreamPubSub(string providerName, GrainRuntime runtime)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<StreamId, List<StreamSubscription>> _explicit = [];

    /// <summary>Each stream's implicit subscriptions: fixed once the grain classes are loaded, so made once per stream.</summary>
    private readonly ConcurrentDictionary<StreamId, StreamSubscription[]> _implicit = new();

    /// <summary>
    /// The subscribers of a stream now: explicit ones in subscription order, then implicit grains. A snapshot the
    /// caller may keep; a stream with only implicit subscribers gets its fixed array, with no copy.
    /// </summary>
    public IReadOnlyList<StreamSubscription> SubscribersOf(StreamId streamId)
    {
        var implicitOnes = _implicit.GetOrAdd(streamId, ImplicitSubscriptionsOf);
        lock (_lock)
        {
            if (!_explicit.TryGetValue(streamId, out var list) || list.Count == 0)
                return implicitOnes;
            return [.. list, .. implicitOnes];
        }
    }

    private StreamSubscription[] ImplicitSubscriptionsOf(StreamId streamId)
    {
        var subscriptions = new List<StreamSubscription>();
        foreach (var grainClass in runtime.Registry.Classes)
        {
            foreach (var attribute in grainClass.ImplicitSubscriptions)
            {
                if (attribute.Namespace != streamId.Namespace || (attribute.StreamProvider is { } only && only != providerName))
                    continue;
                var grain = new GrainId(grainClass.GrainType, streamId.Key);
                subscriptions.Add(new StreamSubscription(StreamSubscription.ImplicitHandleId(grainClass.GrainType, streamId), streamId, grain, isImplicit: true));
            }
        }

        return [.. subscriptions];
    }

    public void Add(StreamSubscription subscription)
    {
        lock (_lock)
        {
            if (!_explicit.TryGetValue(subscription.StreamId, out var list))
                _explicit[subscription.StreamId] = list = [];
            list.Add(subscription);
        }
    }

    public void Remove(StreamSubscription subscription)
    {
        lock (_lock)
        {
            if (!_explicit.TryGetValue(subscription.StreamId, out var list))
                return;
            foreach (var removed in list.FindAll(s => s.HandleId == subscription.HandleId))
                removed.IsRemoved = true;
            list.RemoveAll(s => s.HandleId == subscription.HandleId);
        }
    }

    /// <summary>The caller's subscriptions to a stream: the current grain's, or those made outside grains.</summary>
    public List<StreamSubscription> SubscriptionsOfCaller(StreamId streamId)
    {
        var owner = ActivationScope.Current?.GrainId;
        lock (_lock)
            return _explicit.TryGetValue(streamId, out var list) ? list.FindAll(s => s.Grain == owner) : [];
    }
}

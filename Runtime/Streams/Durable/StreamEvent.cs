using System.Collections.Concurrent;
using System.Reflection;

namespace Meridian.Runtime.Streams.Durable;

/// <summary>One committed event of a durable stream: its place, its identity, the item, and the JSON it is stored as.</summary>
internal sealed record StreamEvent(StreamId StreamId, long Sequence, Guid EventId, Type ItemType, object? Item, string Payload)
{
    private static readonly ConcurrentDictionary<Type, Func<StreamProviderBase, StreamSubscription, object?, StreamSequenceToken, Task>> s_deliverers = new();

    private static readonly MethodInfo s_deliverTyped =
        typeof(StreamEvent).GetMethod(nameof(DeliverTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    public StreamSequenceToken Token => new(Sequence) { EventId = EventId };

    /// <summary>Why a stored event cannot be delivered (its type is gone, its JSON does not fit); null when it can.</summary>
    public string? Unreadable { get; init; }

    /// <summary>Delivers the event to one subscriber, typed as it was published.</summary>
    public Task DeliverAsync(StreamProviderBase provider, StreamSubscription subscription) =>
        s_deliverers.GetOrAdd(ItemType, MakeDeliverer)(provider, subscription, Item, Token);

    private static Func<StreamProviderBase, StreamSubscription, object?, StreamSequenceToken, Task> MakeDeliverer(Type itemType) =>
        s_deliverTyped.MakeGenericMethod(itemType).CreateDelegate<Func<StreamProviderBase, StreamSubscription, object?, StreamSequenceToken, Task>>();

    private static Task DeliverTyped<T>(StreamProviderBase provider, StreamSubscription subscription, object? item, StreamSequenceToken token) =>
        StreamDelivery.DeliverAsync(provider, subscription, (T)item!, token, releaseWhileQueued: false);

    /// <summary>The name an item type is stored under: resolvable again by <see cref="ResolveType"/>.</summary>
    public static string TypeName(Type type) => type.AssemblyQualifiedName ?? type.FullName ?? type.Name;

    /// <summary>The type stored as <paramref name="name"/>; null when no loaded assembly has it.</summary>
    public static Type? ResolveType(string name) => Type.GetType(name, throwOnError: false);
}

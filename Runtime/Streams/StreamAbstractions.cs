using System.Globalization;

namespace Meridian.Runtime.Streams;

/// <summary>A stream's identity: a namespace (e.g. "bars") and a typed key (e.g. the symbol).</summary>
public readonly record struct StreamId(string Namespace, GrainKey Key)
{
    /// <summary>A stream with a string key.</summary>
    public static StreamId Create(string streamNamespace, string key) => new(streamNamespace, GrainKey.FromString(key));

    /// <summary>A stream with a Guid key.</summary>
    public static StreamId Create(string streamNamespace, Guid key) => new(streamNamespace, GrainKey.FromGuid(key));

    /// <summary>A stream with an integer key.</summary>
    public static StreamId Create(string streamNamespace, long key) => new(streamNamespace, GrainKey.FromInteger(key));

    /// <inheritdoc />
    public override string ToString() => Namespace + "/" + Key;
}

/// <summary>
/// The position of an event in its stream (1, 2, 3, ... in publishing order) and the event's identity. A durable
/// stream delivers at least once: a handler that must apply an event once remembers the last sequence number (or
/// the ids) it applied, in the same state write as the effect.
/// </summary>
public sealed record StreamSequenceToken(long SequenceNumber)
{
    /// <summary>The event's id: given by the publisher or made at publishing; the same on every redelivery.</summary>
    public Guid EventId { get; init; }

    /// <inheritdoc />
    public override string ToString() => SequenceNumber.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Receives a stream's events, in order.</summary>
public interface IAsyncObserver<in T>
{
    /// <summary>The next event.</summary>
    Task OnNextAsync(T item, StreamSequenceToken? token = null);

    /// <summary>The stream has ended.</summary>
    Task OnCompletedAsync() => Task.CompletedTask;

    /// <summary>The stream failed.</summary>
    Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

/// <summary>A named stream provider (memory, or durable in the database).</summary>
public interface IStreamProvider
{
    /// <summary>The name the provider is registered under.</summary>
    string Name { get; }

    /// <summary>The stream <paramref name="streamId"/> carrying <typeparamref name="T"/> events.</summary>
    IAsyncStream<T> GetStream<T>(StreamId streamId);
}

/// <summary>A stream: produce events to it, subscribe to it.</summary>
public interface IAsyncStream<T>
{
    /// <summary>The stream's identity.</summary>
    StreamId StreamId { get; }

    /// <summary>Appends an event; it is delivered to every subscriber in order, after this returns.</summary>
    Task OnNextAsync(T item);

    /// <summary>
    /// Appends an event identified by <paramref name="eventId"/>. A durable provider appends an id once: publishing
    /// it again (a retry after a crash or a timeout) is accepted and changes nothing.
    /// </summary>
    Task OnNextAsync(T item, Guid eventId);

    /// <summary>Appends events in order.</summary>
    Task OnNextBatchAsync(IEnumerable<T> items);

    /// <summary>Subscribes an observer. Inside a grain, the subscription belongs to the grain and survives its deactivation; resume it with <see cref="StreamSubscriptionHandle{T}.ResumeAsync"/>.</summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer);

    /// <summary>Subscribes a delegate.</summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(Func<T, StreamSequenceToken?, Task> onNextAsync);

    /// <summary>The subscriptions of the caller (the current grain, or code outside grains) to this stream.</summary>
    Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles();
}

/// <summary>One subscription to a stream.</summary>
public abstract class StreamSubscriptionHandle<T>
{
    /// <summary>The subscription's identity.</summary>
    public abstract Guid HandleId { get; }

    /// <summary>The stream subscribed to.</summary>
    public abstract StreamId StreamId { get; }

    /// <summary>Ends the subscription: no event is delivered to it after this completes.</summary>
    public abstract Task UnsubscribeAsync();

    /// <summary>Attaches an observer to the subscription again (after a grain's reactivation).</summary>
    public abstract Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer);
}

/// <summary>
/// Subscribes every grain of this class to the streams of a namespace: an event on stream (ns, key) goes to the
/// grain with the same key, activated if needed. The grain attaches its observer in
/// <see cref="IStreamSubscriptionObserver.OnSubscribed"/>, or implements <see cref="IAsyncObserver{T}"/> itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    /// <summary>The namespace subscribed to.</summary>
    public string Namespace { get; } = streamNamespace;

    /// <summary>Restricts the subscription to one stream provider; null for all of them.</summary>
    public string? StreamProvider { get; init; }
}

/// <summary>Implemented by a grain that attaches observers to its implicit (or resumed) subscriptions when they first deliver.</summary>
public interface IStreamSubscriptionObserver
{
    /// <summary>A subscription of this grain needs an observer; call <c>handleFactory.Create&lt;T&gt;().ResumeAsync(observer)</c>.</summary>
    Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory);
}

/// <summary>Makes the handle of a subscription being delivered to a grain.</summary>
public interface IStreamSubscriptionHandleFactory
{
    /// <summary>The stream.</summary>
    StreamId StreamId { get; }

    /// <summary>The provider's name.</summary>
    string ProviderName { get; }

    /// <summary>The subscription's handle, typed.</summary>
    StreamSubscriptionHandle<T> Create<T>();
}

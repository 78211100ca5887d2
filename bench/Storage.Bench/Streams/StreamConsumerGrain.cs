using Meridian.Runtime;
using Meridian.Runtime.Streams;

namespace Meridian.Bench;

/// <summary>A stream event that carries the moment it was published (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
public sealed record StampedEvent(long PublishedTimestamp);

/// <summary>The consumer of the benchmark's streams; it has no methods of its own, events reach it by subscription.</summary>
public interface IStreamConsumerGrain : IGrainWithIntegerKey;

/// <summary>Implicitly subscribed to every stream of <see cref="Namespace"/>: stream (namespace, k) is consumed by grain k.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class StreamConsumerGrain(DeliveryProbe probe) : Grain, IStreamConsumerGrain, IAsyncObserver<StampedEvent>
{
    public const string Namespace = "bench-events";

    /// <inheritdoc />
    public Task OnNextAsync(StampedEvent item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        probe.Delivered(item.PublishedTimestamp);
        return Task.CompletedTask;
    }
}

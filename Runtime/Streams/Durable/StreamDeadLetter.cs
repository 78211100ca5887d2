namespace Meridian.Runtime.Streams.Durable;

/// <summary>An event a subscriber kept failing on until the retry deadline, kept with the last error.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="SequenceNumber">The event's place in the stream.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="EventType">The .NET type the event was published as.</param>
/// <param name="Payload">The event as JSON.</param>
/// <param name="HandleId">The subscription that failed.</param>
/// <param name="Subscriber">The subscribing grain ("(outside grains)" for a subscriber outside grains).</param>
/// <param name="Attempts">Deliveries tried.</param>
/// <param name="Error">The last delivery's error.</param>
public sealed record StreamDeadLetter(
    StreamId StreamId, long SequenceNumber, Guid EventId, string EventType, string Payload, Guid HandleId, string Subscriber, int Attempts, string Error);

/// <summary>The dead letters of a durable stream provider (resolve it by the provider's name as a keyed service).</summary>
public interface IStreamDeadLetters
{
    /// <summary>The oldest <paramref name="limit"/> dead letters.</summary>
    Task<IReadOnlyList<StreamDeadLetter>> ListAsync(int limit = 100, CancellationToken cancellationToken = default);
}

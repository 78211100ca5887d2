using System.Collections.Concurrent;
using Meridian.Runtime.Streams;

namespace Meridian.Runtime.Tests.Streams.Durable;

/// <summary>The event the durable stream tests publish.</summary>
public sealed record DurableTestEvent(string Publisher, int Value);

/// <summary>One delivery as a subscriber saw it.</summary>
public sealed record DurableDelivery(string Subscriber, int Value, long Sequence, Guid EventId, DateTimeOffset At);

/// <summary>
/// What the durable subscribers received, across every silo of one test (the test registers the same journal in
/// each), and which values they refuse: a value fails while it has failures left, or always.
/// </summary>
public sealed class DurableStreamJournal
{
    private readonly ConcurrentDictionary<int, int> _failuresLeft = new();
    private readonly ConcurrentQueue<DurableDelivery> _deliveries = new();

    public const int AlwaysFails = int.MaxValue;

    public IReadOnlyList<DurableDelivery> Deliveries => [.. _deliveries];

    public IReadOnlyList<DurableDelivery> Of(string subscriber) => [.. _deliveries.Where(d => d.Subscriber == subscriber)];

    public void FailTimes(int value, int times) => _failuresLeft[value] = times;

    /// <summary>Records the delivery; throws when the value is to fail this time.</summary>
    public void Receive(string subscriber, DurableTestEvent item, StreamSequenceToken? token, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(token);
        _deliveries.Enqueue(new DurableDelivery(subscriber, item.Value, token.SequenceNumber, token.EventId, at));
        if (_failuresLeft.TryGetValue(item.Value, out var left) && left > 0)
        {
            if (left != AlwaysFails)
                _failuresLeft[item.Value] = left - 1;
            throw new StreamTestException($"{subscriber} refuses {item.Value}");
        }
    }
}

/// <summary>The names the durable stream tests share.</summary>
public static class DurableStreams
{
    public const string Provider = "Durable";

    /// <summary>Streams every <see cref="DurableConsumerGrain"/> is implicitly subscribed to.</summary>
    public const string Implicit = "durable-implicit";

    /// <summary>Streams every <see cref="DurableDedupingGrain"/> is implicitly subscribed to.</summary>
    public const string Deduped = "durable-deduped";

    /// <summary>Streams <see cref="DurableSubscriberGrain"/> subscribes to explicitly.</summary>
    public const string Explicit = "durable-explicit";
}

public interface IDurableConsumerGrain : IGrainWithStringKey;

/// <summary>Implicitly subscribed to (<see cref="DurableStreams.Implicit"/>, its key); records every delivery.</summary>
[ImplicitStreamSubscription(DurableStreams.Implicit)]
public sealed class DurableConsumerGrain(DurableStreamJournal journal) : Grain, IDurableConsumerGrain, IAsyncObserver<DurableTestEvent>
{
    public Task OnNextAsync(DurableTestEvent item, StreamSequenceToken? token = null)
    {
        journal.Receive("implicit/" + this.GetPrimaryKeyString(), item, token, Clock.GetUtcNow());
        return Task.CompletedTask;
    }
}

public sealed class DedupeState
{
    public long LastSequence { get; set; }

    public int Sum { get; set; }

    public int Applied { get; set; }
}

public interface IDurableDedupingGrain : IGrainWithStringKey
{
    Task<DedupeState> GetStateAsync();
}

/// <summary>
/// Applies each event once although it may receive it more than once: it keeps the last sequence number applied
/// in the same state write as the effect (the pattern the durable provider's documentation prescribes).
/// </summary>
[ImplicitStreamSubscription(DurableStreams.Deduped)]
public sealed class DurableDedupingGrain(
    DurableStreamJournal journal,
    [PersistentState("dedupe", "Default")] IPersistentState<DedupeState> state) : Grain, IDurableDedupingGrain, IAsyncObserver<DurableTestEvent>
{
    public Task<DedupeState> GetStateAsync() => Task.FromResult(state.State);

    public async Task OnNextAsync(DurableTestEvent item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        journal.Receive("deduped/" + this.GetPrimaryKeyString(), item, token, Clock.GetUtcNow());
        if (token!.SequenceNumber <= state.State.LastSequence)
            return;
        state.State.LastSequence = token.SequenceNumber;
        state.State.Sum += item.Value;
        state.State.Applied++;
        await state.WriteStateAsync();
    }
}

public interface IDurableSubscriberGrain : IGrainWithStringKey
{
    Task SubscribeAsync();

    Task UnsubscribeAsync();
}

/// <summary>Subscribes explicitly to (<see cref="DurableStreams.Explicit"/>, its key) and resumes its subscriptions on every activation.</summary>
public sealed class DurableSubscriberGrain(DurableStreamJournal journal) : Grain, IDurableSubscriberGrain
{
    private void Receive(DurableTestEvent item, StreamSequenceToken? token) =>
        journal.Receive("explicit/" + this.GetPrimaryKeyString(), item, token, Clock.GetUtcNow());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var handle in await Stream.GetAllSubscriptionHandles())
            await handle.ResumeAsync(new Observer(this));
    }

    public Task SubscribeAsync() => Stream.SubscribeAsync(new Observer(this));

    public async Task UnsubscribeAsync()
    {
        foreach (var handle in await Stream.GetAllSubscriptionHandles())
            await handle.UnsubscribeAsync();
    }

    private IAsyncStream<DurableTestEvent> Stream =>
        GetStreamProvider(DurableStreams.Provider).GetStream<DurableTestEvent>(StreamId.Create(DurableStreams.Explicit, this.GetPrimaryKeyString()));

    private sealed class Observer(DurableSubscriberGrain grain) : IAsyncObserver<DurableTestEvent>
    {
        public Task OnNextAsync(DurableTestEvent item, StreamSequenceToken? token = null)
        {
            grain.Receive(item, token);
            return Task.CompletedTask;
        }
    }
}

using Meridian.Runtime;
using Meridian.Runtime.Streams;

namespace Meridian.CrashWorkload;

/// <summary>The counter's state: the last operation applied, the sum of all applied, and operations that arrived out of turn.</summary>
public sealed class CounterState
{
    public long LastOp { get; set; }

    public long Sum { get; set; }

    public long Gaps { get; set; }
}

public interface ICrashCounterGrain : IGrainWithStringKey
{
    /// <summary>Applies operation <paramref name="op"/> once: a repeat of an applied operation changes nothing.</summary>
    Task ApplyAsync(long op);

    Task<CounterState> GetAsync();
}

public sealed class CrashCounterGrain([PersistentState("counter", "Default")] IPersistentState<CounterState> state) : Grain, ICrashCounterGrain
{
    public async Task ApplyAsync(long op)
    {
        if (op <= state.State.LastOp)
            return;
        if (op != state.State.LastOp + 1)
            state.State.Gaps++;
        state.State.LastOp = op;
        state.State.Sum += op;
        await state.WriteStateAsync();
    }

    public Task<CounterState> GetAsync() => Task.FromResult(state.State);
}

/// <summary>What the consumer applied: each stream event once, in order.</summary>
public sealed class ConsumerState
{
    public long LastSequence { get; set; }

    public long LastValue { get; set; }

    public long Count { get; set; }

    public long Sum { get; set; }

    /// <summary>Events whose value was not the previous one plus one (a lost or repeated event).</summary>
    public long Anomalies { get; set; }
}

public interface ICrashConsumerGrain : IGrainWithStringKey
{
    Task<ConsumerState> GetAsync();
}

/// <summary>Subscribed to stream ("crash", its key); dedupes by sequence number, in the same state write as the effect.</summary>
[ImplicitStreamSubscription(CrashWorkload.StreamNamespace)]
public sealed class CrashConsumerGrain([PersistentState("consumer", "Default")] IPersistentState<ConsumerState> state) : Grain, ICrashConsumerGrain, IAsyncObserver<long>
{
    public Task<ConsumerState> GetAsync() => Task.FromResult(state.State);

    public async Task OnNextAsync(long item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.SequenceNumber <= state.State.LastSequence)
            return;
        if (item != state.State.LastValue + 1)
            state.State.Anomalies++;
        state.State.LastSequence = token.SequenceNumber;
        state.State.LastValue = item;
        state.State.Count++;
        state.State.Sum += item;
        await state.WriteStateAsync();
    }
}

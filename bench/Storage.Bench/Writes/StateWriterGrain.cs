using Meridian.Runtime;

namespace Meridian.Bench;

/// <summary>The durable state of a <see cref="StateWriterGrain"/>: a counter, so every write changes the row.</summary>
public sealed class WriterState
{
    public long Writes { get; set; }
}

/// <summary>A grain whose every call is one durable state write.</summary>
public interface IStateWriterGrain : IGrainWithIntegerKey
{
    /// <summary>Counts one more write and returns once the state is committed.</summary>
    Task WriteAsync();
}

/// <summary>Keeps <see cref="WriterState"/> in the storage registered as <see cref="StorageName"/>.</summary>
public sealed class StateWriterGrain([PersistentState("writer", StateWriterGrain.StorageName)] IPersistentState<WriterState> state)
    : Grain, IStateWriterGrain
{
    /// <summary>The storage provider under test (PostgreSQL or SQLite, depending on the silo).</summary>
    public const string StorageName = "Bench";

    /// <inheritdoc />
    public Task WriteAsync()
    {
        state.State.Writes++;
        return state.WriteStateAsync();
    }
}

using Meridian.Runtime;

namespace Meridian.Bench;

/// <summary>The grain the runtime benchmark calls: a counter, so every call does a little real work on grain state.</summary>
public interface IBenchGrain : IGrainWithIntegerKey
{
    /// <summary>Adds <paramref name="value"/> to the grain's total and returns the new total.</summary>
    ValueTask<long> Add(int value);
}

/// <summary>Keeps a running total.</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private long _total;

    /// <inheritdoc />
    public ValueTask<long> Add(int value) => new(_total += value);
}

using Meridian.Runtime.Streams;

namespace Meridian.Runtime.Tests.Misconfigured;

/// <summary>Implemented by two grain classes, with no [DefaultGrainType] to choose between them.</summary>
public interface IAmbiguousGrain : IGrainWithStringKey
{
    Task<string> Name();
}

public sealed class FirstAmbiguousGrain : Grain, IAmbiguousGrain
{
    public Task<string> Name() => Task.FromResult("first");
}

public sealed class SecondAmbiguousGrain : Grain, IAmbiguousGrain
{
    public Task<string> Name() => Task.FromResult("second");
}

/// <summary>Keeps its state in a storage provider nobody registers.</summary>
public interface IUnstoredGrain : IGrainWithStringKey
{
    Task<int> Read();
}

public sealed class UnstoredGrain([PersistentState("balance", "NoSuchStorage")] IPersistentState<int> balance) : Grain, IUnstoredGrain
{
    public Task<int> Read() => Task.FromResult(balance.State);
}

/// <summary>Subscribes to a stream provider nobody registers.</summary>
public interface IUnstreamedGrain : IGrainWithStringKey
{
    Task Ping();
}

[ImplicitStreamSubscription("quotes", StreamProvider = "NoSuchStreams")]
public sealed class UnstreamedGrain : Grain, IUnstreamedGrain
{
    public Task Ping() => Task.CompletedTask;
}

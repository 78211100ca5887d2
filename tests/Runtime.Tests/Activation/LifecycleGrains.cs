using System.Collections.Concurrent;
using Meridian.Runtime.Timers;

namespace Meridian.Runtime.Tests.Activation;

/// <summary>What lifecycle grains report to the test that owns the silo (registered per silo, so per test).</summary>
public sealed class LifecycleProbe
{
    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentQueue<DeactivationReason> DeactivationReasons { get; } = new();

    /// <summary>When set, OnActivateAsync throws this.</summary>
    public Exception? FailActivationWith { get; set; }

    /// <summary>When set, OnActivateAsync waits for this before it completes.</summary>
    public Task? HoldActivation { get; set; }

    /// <summary>When set, OnDeactivateAsync waits for this before it completes.</summary>
    public Task? HoldDeactivation { get; set; }

    /// <summary>Completes when OnDeactivateAsync has started.</summary>
    public TaskCompletionSource DeactivationStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Activations => Events.Count(e => e.StartsWith("activate", StringComparison.Ordinal));
}

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<string> Echo(string text);

    Task Deactivate();

    Task<int> InstanceNumber();
}

public sealed class LifecycleGrain(LifecycleProbe probe) : Grain, ILifecycleGrain
{
    private static int s_instances;
    private readonly int _instance = Interlocked.Increment(ref s_instances);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Events.Enqueue("activate " + this.GetPrimaryKeyString());
        if (probe.HoldActivation is { } hold)
            await hold;
        if (probe.FailActivationWith is { } failure)
        {
            RegisterGrainTimer(_ =>
            {
                probe.Events.Enqueue("tick of a failed activation");
                return Task.CompletedTask;
            }, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = TimeSpan.FromSeconds(1) });
            throw failure;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Events.Enqueue("deactivate " + this.GetPrimaryKeyString());
        probe.DeactivationReasons.Enqueue(reason);
        probe.DeactivationStarted.TrySetResult();
        if (probe.HoldDeactivation is { } hold)
            await hold;
    }

    public Task<string> Echo(string text) => Task.FromResult(text);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<int> InstanceNumber() => Task.FromResult(_instance);
}

/// <summary>One grain interface per key kind, each returning the key it was addressed by.</summary>
public interface IGuidKeyedGrain : IGrainWithGuidKey
{
    Task<Guid> Key();
}

public interface IIntegerKeyedGrain : IGrainWithIntegerKey
{
    Task<long> Key();
}

public interface IGuidCompoundKeyedGrain : IGrainWithGuidCompoundKey
{
    Task<(Guid Key, string? Extension)> Key();
}

public interface IIntegerCompoundKeyedGrain : IGrainWithIntegerCompoundKey
{
    Task<(long Key, string? Extension)> Key();
}

public sealed class KeyedGrain : Grain, IGuidKeyedGrain, IIntegerKeyedGrain, IGuidCompoundKeyedGrain, IIntegerCompoundKeyedGrain
{
    Task<Guid> IGuidKeyedGrain.Key() => Task.FromResult(this.GetPrimaryKey());

    Task<long> IIntegerKeyedGrain.Key() => Task.FromResult(this.GetPrimaryKeyLong());

    Task<(Guid Key, string? Extension)> IGuidCompoundKeyedGrain.Key() =>
        Task.FromResult((this.GetPrimaryKey(out var extension), extension));

    Task<(long Key, string? Extension)> IIntegerCompoundKeyedGrain.Key() =>
        Task.FromResult((this.GetPrimaryKeyLong(out var extension), extension));
}

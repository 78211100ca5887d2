using System.Collections.Concurrent;

namespace Meridian.Runtime.Tests.Storage;

/// <summary>What the storage grains' activations report: one per silo, so one per test.</summary>
public sealed class StorageProbe
{
    /// <summary>"activate {key}" and "deactivate {key} {reason code}", in order.</summary>
    public ConcurrentQueue<string> Lifecycle { get; } = new();

    /// <summary>What <see cref="IStorageCounterGrain.IncrementWhenReleasedAsync"/> waits for.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The state of a <see cref="StorageCounterGrain"/>.</summary>
public sealed class StorageCounterState
{
    public int Value { get; set; }

    public string Writer { get; set; } = string.Empty;
}

/// <summary>What an activation saw of its state when OnActivateAsync ran.</summary>
public sealed record StorageActivationView(int Value, string Writer, bool RecordExists, string? Etag);

/// <summary>A counter kept in persistent state "counter" of storage "Default".</summary>
public interface IStorageCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and writes the state; returns the new value.</summary>
    Task<int> IncrementAsync();

    /// <summary>Waits for the probe's release, then increments like <see cref="IncrementAsync"/>.</summary>
    Task<int> IncrementWhenReleasedAsync();

    /// <summary>Sets the value without writing it.</summary>
    Task SetWithoutWritingAsync(int value);

    Task<int> GetValueAsync();

    Task<string> GetWriterAsync();

    Task<bool> GetRecordExistsAsync();

    Task<string?> GetEtagAsync();

    Task ClearAsync();

    Task ReloadAsync();

    Task<StorageActivationView> GetActivationViewAsync();

    /// <summary>A number that is new for each activation.</summary>
    Task<Guid> GetActivationIdAsync();

    Task<GrainId> GetGrainIdAsync();

    Task DeactivateAsync();
}

public sealed class StorageCounterGrain(
    [PersistentState("counter", "Default")] IPersistentState<StorageCounterState> counter,
    StorageProbe probe) : Grain, IStorageCounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private StorageActivationView? _activationView;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activationView = new StorageActivationView(counter.State.Value, counter.State.Writer, counter.RecordExists, counter.Etag);
        probe.Lifecycle.Enqueue("activate " + this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Lifecycle.Enqueue($"deactivate {this.GetPrimaryKeyString()} {reason.Code}");
        return Task.CompletedTask;
    }

    public async Task<int> IncrementWhenReleasedAsync()
    {
        await probe.Release.Task;
        return await IncrementAsync();
    }

    public async Task<int> IncrementAsync()
    {
        counter.State.Value++;
        counter.State.Writer = "grain";
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task SetWithoutWritingAsync(int value)
    {
        counter.State.Value = value;
        return Task.CompletedTask;
    }

    public Task<int> GetValueAsync() => Task.FromResult(counter.State.Value);

    public Task<string> GetWriterAsync() => Task.FromResult(counter.State.Writer);

    public Task<bool> GetRecordExistsAsync() => Task.FromResult(counter.RecordExists);

    public Task<string?> GetEtagAsync() => Task.FromResult(counter.Etag);

    public Task ClearAsync() => counter.ClearStateAsync();

    public Task ReloadAsync() => counter.ReadStateAsync();

    public Task<StorageActivationView> GetActivationViewAsync() => Task.FromResult(_activationView!);

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);

    public Task<GrainId> GetGrainIdAsync() => Task.FromResult(this.GetGrainId());

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

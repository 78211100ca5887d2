using System.Collections.Concurrent;
using Meridian.Runtime.Concurrency;

namespace Meridian.Runtime.Tests.Admission;

/// <summary>
/// Gates the test opens and signals the grains raise, so a test can hold a request in the middle of its
/// execution and see what else the runtime lets in meanwhile. One per silo, so one per test.
/// </summary>
public sealed class GateProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();

    public ConcurrentQueue<string> Log { get; } = new();

    public void Open(string name) => Gate(name).TrySetResult();

    public Task WhenStarted(string name) =>
        Signal(_started, name).Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

    public bool HasStarted(string name) => Log.Contains("start " + name);

    internal async Task Run(string name)
    {
        Log.Enqueue("start " + name);
        Signal(_started, name).TrySetResult();
        await Gate(name).Task;
        Log.Enqueue("end " + name);
    }

    private TaskCompletionSource Gate(string name) => Signal(_gates, name);

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string name) =>
        signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>An ordinary (non-reentrant) grain.</summary>
public interface ISerialGrain : IGrainWithStringKey
{
    Task Run(string name);

    [ReadOnly]
    Task Read(string name);

    [AlwaysInterleave]
    Task Interleaving(string name);

    [OneWay]
    Task Fire(string name);
}

public sealed class SerialGrain(GateProbe probe) : Grain, ISerialGrain
{
    public Task Run(string name) => probe.Run(name);

    public Task Read(string name) => probe.Run(name);

    public Task Interleaving(string name) => probe.Run(name);

    public Task Fire(string name) => probe.Run(name);
}

public interface IReentrantGrain : IGrainWithStringKey
{
    Task Run(string name);
}

[Reentrant]
public sealed class ReentrantGrain(GateProbe probe) : Grain, IReentrantGrain
{
    private int _inside;
    private int _maxInside;

    public async Task Run(string name)
    {
        // Reentrant means interleaved at awaits, never parallel: count code running at once.
        var inside = Interlocked.Increment(ref _inside);
        _maxInside = Math.Max(_maxInside, inside);
        Interlocked.Decrement(ref _inside);
        await probe.Run(name);
        if (_maxInside > 1)
            throw new InvalidOperationException("two turns of a reentrant grain ran at the same time");
    }
}

public interface IWorkerGrain : IGrainWithStringKey
{
    Task Run(string name);
}

[StatelessWorker(2)]
public sealed class WorkerGrain(GateProbe probe) : Grain, IWorkerGrain
{
    public Task Run(string name) => probe.Run(name);
}

using System.Collections.Concurrent;
using Meridian.Runtime.Streams;
using Meridian.Runtime.Tests.Clock;

namespace Meridian.Runtime.Tests.Streams;

/// <summary>What the stream grains report, and gates the test opens: one per silo, so one per test.</summary>
public sealed class StreamProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();

    /// <summary>Lifecycle and delivery entries, in order ("activate k", "k got 3", ...).</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public void Raise(string name) => Signal(name).TrySetResult();

    /// <summary>Completes when <paramref name="name"/> is raised; fails the test after the bounded wait.</summary>
    public Task WhenRaised(string name) => Signal(name).Task.WithinLimit();

    public bool WasRaised(string name) => Signal(name).Task.IsCompleted;

    private TaskCompletionSource Signal(string name) =>
        _signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>The exception a subscriber throws on <see cref="StreamItems.Failing"/>.</summary>
public sealed class StreamTestException : Exception
{
    public StreamTestException()
    {
    }

    public StreamTestException(string message) : base(message)
    {
    }

    public StreamTestException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>Items that make the test subscribers do something besides recording them.</summary>
public static class StreamItems
{
    /// <summary>The subscriber raises "blocked" and waits for the test to raise "unblock".</summary>
    public const int Blocking = -1;

    /// <summary>The subscriber throws a <see cref="StreamTestException"/> after recording the item.</summary>
    public const int Failing = -2;
}

/// <summary>An observer made of a delegate, for grains.</summary>
public sealed class StreamTestObserver(Func<int, StreamSequenceToken?, Task> onNext) : IAsyncObserver<int>
{
    public Task OnNextAsync(int item, StreamSequenceToken? token = null) => onNext(item, token);
}

/// <summary>A grain that subscribes itself, explicitly, to streams with its own key.</summary>
public interface IStreamSubscriberGrain : IGrainWithStringKey
{
    Task SubscribeAsync(string streamNamespace);

    /// <summary>Unsubscribes every subscription this activation made.</summary>
    Task UnsubscribeAllAsync();

    Task<int> CountSubscriptionsAsync(string streamNamespace);

    Task<List<int>> GetReceivedAsync();
}

public sealed class StreamSubscriberGrain(StreamProbe probe) : Grain, IStreamSubscriberGrain
{
    private readonly List<int> _received = [];
    private readonly List<StreamSubscriptionHandle<int>> _handles = [];

    public async Task SubscribeAsync(string streamNamespace) =>
        _handles.Add(await Stream(streamNamespace).SubscribeAsync(OnNextAsync));

    public async Task UnsubscribeAllAsync()
    {
        foreach (var handle in _handles)
            await handle.UnsubscribeAsync();
        _handles.Clear();
    }

    public async Task<int> CountSubscriptionsAsync(string streamNamespace) =>
        (await Stream(streamNamespace).GetAllSubscriptionHandles()).Count;

    public Task<List<int>> GetReceivedAsync() => Task.FromResult(_received.ToList());

    private IAsyncStream<int> Stream(string streamNamespace) =>
        GetStreamProvider("Default").GetStream<int>(StreamId.Create(streamNamespace, this.GetPrimaryKeyString()));

    private async Task OnNextAsync(int item, StreamSequenceToken? token)
    {
        _received.Add(item);
        probe.Log.Enqueue($"{this.GetPrimaryKeyString()} got {item}");
        if (item == StreamItems.Blocking)
        {
            probe.Raise("blocked");
            await probe.WhenRaised("unblock");
            probe.Log.Enqueue($"{this.GetPrimaryKeyString()} unblocked");
        }

        if (item == StreamItems.Failing)
            throw new StreamTestException($"{this.GetPrimaryKeyString()} refuses {item}");
    }
}

/// <summary>A grain that subscribes to stream (<see cref="StreamResumingSubscriberGrain.Namespace"/>, its key) and resumes the subscription on every activation.</summary>
public interface IStreamResumingSubscriberGrain : IGrainWithStringKey
{
    Task SubscribeAsync();

    Task<List<int>> GetReceivedAsync();

    Task DeactivateAsync();
}

public sealed class StreamResumingSubscriberGrain(StreamProbe probe) : Grain, IStreamResumingSubscriberGrain
{
    public const string Namespace = "streams-resume";

    private readonly List<int> _received = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var handles = await Stream.GetAllSubscriptionHandles();
        foreach (var handle in handles)
            await handle.ResumeAsync(new StreamTestObserver(OnNextAsync));
        probe.Log.Enqueue($"activate {this.GetPrimaryKeyString()} resuming {handles.Count}");
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Log.Enqueue($"deactivate {this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public Task SubscribeAsync() => Stream.SubscribeAsync(new StreamTestObserver(OnNextAsync));

    public Task<List<int>> GetReceivedAsync() => Task.FromResult(_received.ToList());

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private IAsyncStream<int> Stream => GetStreamProvider("Default").GetStream<int>(StreamId.Create(Namespace, this.GetPrimaryKeyString()));

    private Task OnNextAsync(int item, StreamSequenceToken? token)
    {
        _received.Add(item);
        probe.Log.Enqueue($"{this.GetPrimaryKeyString()} got {item}");
        return Task.CompletedTask;
    }
}

/// <summary>What an implicitly subscribed grain received.</summary>
public interface IStreamImplicitFactoryGrain : IGrainWithStringKey
{
    Task<List<int>> GetReceivedAsync();

    Task DeactivateAsync();
}

/// <summary>Implicitly subscribed to namespace <see cref="Namespace"/>; attaches its observer in <see cref="OnSubscribed"/>.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class StreamImplicitFactoryGrain(StreamProbe probe) : Grain, IStreamImplicitFactoryGrain, IStreamSubscriptionObserver
{
    public const string Namespace = "streams-implicit-factory";

    private readonly List<int> _received = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Log.Enqueue($"activate {this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        probe.Log.Enqueue($"{this.GetPrimaryKeyString()} subscribed to {handleFactory.StreamId.Namespace}/{handleFactory.StreamId.Key.ToDisplayString()}");
        await handleFactory.Create<int>().ResumeAsync(new StreamTestObserver((item, _) =>
        {
            _received.Add(item);
            return Task.CompletedTask;
        }));
    }

    public Task<List<int>> GetReceivedAsync() => Task.FromResult(_received.ToList());

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

/// <summary>What an implicitly subscribed observer grain received.</summary>
public interface IStreamImplicitDirectGrain : IGrainWithStringKey
{
    Task<List<int>> GetReceivedAsync();
}

/// <summary>Implicitly subscribed to namespace <see cref="Namespace"/>; is its own observer.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class StreamImplicitDirectGrain(StreamProbe probe) : Grain, IStreamImplicitDirectGrain, IAsyncObserver<int>
{
    public const string Namespace = "streams-implicit-direct";

    private readonly List<int> _received = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Log.Enqueue($"activate {this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public Task OnNextAsync(int item, StreamSequenceToken? token = null)
    {
        _received.Add(item);
        return Task.CompletedTask;
    }

    public Task<List<int>> GetReceivedAsync() => Task.FromResult(_received.ToList());
}

/// <summary>Publishes from inside a grain.</summary>
public interface IStreamProducerGrain : IGrainWithStringKey
{
    /// <summary>Publishes <paramref name="count"/> consecutive numbers from <paramref name="first"/> to stream (<paramref name="streamNamespace"/>, <paramref name="key"/>).</summary>
    Task PublishAsync(string streamNamespace, string key, int first, int count);
}

public sealed class StreamProducerGrain : Grain, IStreamProducerGrain
{
    public async Task PublishAsync(string streamNamespace, string key, int first, int count)
    {
        var stream = GetStreamProvider("Default").GetStream<int>(StreamId.Create(streamNamespace, key));
        for (var i = first; i < first + count; i++)
            await stream.OnNextAsync(i);
    }
}

/// <summary>Sleeps on the silo's clock inside a request, and records the events of its implicit stream.</summary>
public interface IStreamSleeperGrain : IGrainWithStringKey
{
    Task SleepOneMinute();

    Task<List<string>> Seen();
}

[ImplicitStreamSubscription("streams-sleeper")]
public sealed class StreamSleeperGrain : Grain, IStreamSleeperGrain, IAsyncObserver<int>
{
    private readonly List<string> _seen = [];

    public async Task SleepOneMinute()
    {
        await Task.Delay(TimeSpan.FromMinutes(1), Clock);
        _seen.Add("woke");
    }

    public Task OnNextAsync(int item, StreamSequenceToken? token = null)
    {
        _seen.Add("event " + item);
        return Task.CompletedTask;
    }

    public Task<List<string>> Seen() => Task.FromResult(_seen.ToList());
}

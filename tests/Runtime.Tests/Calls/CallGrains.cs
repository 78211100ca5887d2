using Meridian.Runtime.Concurrency;

namespace Meridian.Runtime.Tests.Calls;

/// <summary>Forwards a call along a path of grains: a.Forward(["b", "a"]) calls b.Forward(["a"]), which calls a.Forward([]).</summary>
public interface IForwardingGrain : IGrainWithStringKey
{
    Task<string> Forward(string[] path);
}

public sealed class ForwardingGrain : Grain, IForwardingGrain
{
    public async Task<string> Forward(string[] path)
    {
        if (path.Length == 0)
            return "reached " + this.GetPrimaryKeyString();
        return await GrainFactory.GetGrain<IForwardingGrain>(path[0]).Forward(path[1..]);
    }
}

public interface IReentrantForwardingGrain : IGrainWithStringKey
{
    Task<string> Forward(string[] path);
}

[Reentrant]
public sealed class ReentrantForwardingGrain : Grain, IReentrantForwardingGrain
{
    public async Task<string> Forward(string[] path)
    {
        if (path.Length == 0)
            return "reached " + this.GetPrimaryKeyString();
        return await GrainFactory.GetGrain<IReentrantForwardingGrain>(path[0]).Forward(path[1..]);
    }
}

/// <summary>A grain whose method never finishes: for request timeouts.</summary>
public interface IHangingGrain : IGrainWithStringKey
{
    Task<int> Hang();
}

public sealed class HangingGrain : Grain, IHangingGrain
{
    private readonly TaskCompletionSource<int> _never = new();

    public Task<int> Hang() => _never.Task;
}

/// <summary>A domain error with data, to check that the caller gets the very exception the grain threw.</summary>
public sealed class OrderRejectedException(string message, string code) : Exception(message)
{
    public string Code { get; } = code;
}

public interface IThrowingGrain : IGrainWithStringKey
{
    Task ThrowSynchronously(string message);

    Task<int> ThrowAfterAwait(string message);

    ValueTask<int> ThrowDomainError(string code);

    Task<int> CallThrower(string key);
}

public sealed class ThrowingGrain : Grain, IThrowingGrain
{
    public Task ThrowSynchronously(string message) => throw new ArgumentException(message, nameof(message));

    public async Task<int> ThrowAfterAwait(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public ValueTask<int> ThrowDomainError(string code) => throw new OrderRejectedException("order rejected: " + code, code);

    public Task<int> CallThrower(string key) => GrainFactory.GetGrain<IThrowingGrain>(key).ThrowDomainError("FROM_" + key).AsTask();
}

/// <summary>Notifies a listener without waiting for it; the listener calls back.</summary>
public interface INotifierGrain : IGrainWithStringKey
{
    Task Notify(string listener);

    Task Callback();

    Task<int> Callbacks();
}

public sealed class NotifierGrain : Grain, INotifierGrain
{
    private int _callbacks;

    public Task Notify(string listener)
    {
        _ = GrainFactory.GetGrain<IListenerGrain>(listener).OnNotified(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task Callback()
    {
        _callbacks++;
        return Task.CompletedTask;
    }

    public Task<int> Callbacks() => Task.FromResult(_callbacks);
}

public interface IListenerGrain : IGrainWithStringKey
{
    Task OnNotified(string notifier);

    Task<string?> LastError();
}

public sealed class ListenerGrain : Grain, IListenerGrain
{
    private string? _error;

    public async Task OnNotified(string notifier)
    {
        try
        {
            await GrainFactory.GetGrain<INotifierGrain>(notifier).Callback();
        }
        catch (DeadlockException e)
        {
            _error = e.Message;
        }
    }

    public Task<string?> LastError() => Task.FromResult(_error);
}

/// <summary>A grain whose method breaks the rules by returning a null task.</summary>
public interface INullTaskGrain : IGrainWithStringKey
{
    Task Broken();

    Task<int> Fine();
}

public sealed class NullTaskGrain : Grain, INullTaskGrain
{
    public Task Broken() => null!;

    public Task<int> Fine() => Task.FromResult(1);
}

using Meridian.Runtime.Streams;

namespace Meridian.Runtime.Tests.Streams;

/// <summary>A subscriber outside grains that records what it receives; optionally throws on some items after recording them.</summary>
public sealed class EventRecorder<T>(Func<T, bool>? throwOn = null)
{
    private readonly Lock _lock = new();
    private readonly List<(T Item, StreamSequenceToken? Token)> _received = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_lock)
                return [.. _received.Select(r => r.Item)];
        }
    }

    public IReadOnlyList<StreamSequenceToken?> Tokens
    {
        get
        {
            lock (_lock)
                return [.. _received.Select(r => r.Token)];
        }
    }

    public Task OnNextAsync(T item, StreamSequenceToken? token)
    {
        lock (_lock)
            _received.Add((item, token));
        if (throwOn?.Invoke(item) == true)
            throw new StreamTestException($"the recorder refuses {item}");
        return Task.CompletedTask;
    }
}

namespace Meridian.Brokers.Alpaca.Streaming;

/// <summary>The last <see cref="Capacity"/> execution ids seen on the stream, so a duplicated fill event is dropped at once.</summary>
public sealed class RecentExecutions(int capacity = 10_000)
{
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>How many ids are remembered.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>True the first time <paramref name="executionId"/> is seen, false for a repeat.</summary>
    public bool FirstTime(string executionId)
    {
        if (!_seen.Add(executionId))
            return false;
        _order.Enqueue(executionId);
        if (_order.Count > Capacity)
            _seen.Remove(_order.Dequeue());
        return true;
    }
}

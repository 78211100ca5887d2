namespace Meridian.Runtime.Streams.Durable;

/// <summary>
/// Where each subscriber of each stream is: the last sequence number delivered to it (or dead-lettered). Grain
/// subscribers' checkpoints are written to the database in the background and on shutdown; those of
/// subscribers outside grains live only in memory, like the subscribers.
/// </summary>
internal sealed class StreamCheckpoints(StreamStore store)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(StreamId, Guid), long> _positions = [];
    private readonly HashSet<(StreamId, Guid)> _unsaved = [];

    public void Load(Dictionary<(StreamId, Guid), long> saved)
    {
        lock (_lock)
        {
            foreach (var (key, sequence) in saved)
                _positions[key] = sequence;
        }
    }

    /// <summary>The subscriber's checkpoint; 0 (the stream's start) for an implicit subscriber that has none yet.</summary>
    public long Get(StreamSubscription subscription)
    {
        lock (_lock)
            return _positions.GetValueOrDefault((subscription.StreamId, subscription.HandleId));
    }

    /// <summary>Sets a new subscriber's starting point (saved with the subscription by the caller).</summary>
    public void Start(StreamSubscription subscription, long sequence)
    {
        lock (_lock)
            _positions[(subscription.StreamId, subscription.HandleId)] = sequence;
    }

    /// <summary>The subscriber is done with <paramref name="sequence"/>.</summary>
    public void Advance(StreamSubscription subscription, long sequence)
    {
        var key = (subscription.StreamId, subscription.HandleId);
        lock (_lock)
        {
            if (subscription.IsRemoved || _positions.GetValueOrDefault(key) >= sequence)
                return;
            _positions[key] = sequence;
            if (subscription.Grain is not null)
                _unsaved.Add(key);
        }
    }

    public void Forget(StreamSubscription subscription)
    {
        var key = (subscription.StreamId, subscription.HandleId);
        lock (_lock)
        {
            _positions.Remove(key);
            _unsaved.Remove(key);
        }
    }

    /// <summary>Writes the checkpoints that moved since the last save; on failure they stay unsaved for the next one.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        List<(StreamId, Guid, long)> changed;
        lock (_lock)
        {
            changed = [.. _unsaved.Select(key => (key.Item1, key.Item2, _positions[key]))];
            _unsaved.Clear();
        }

        try
        {
            await store.SaveCheckpointsAsync(changed, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                foreach (var (streamId, handleId, _) in changed)
                {
                    if (_positions.ContainsKey((streamId, handleId)))
                        _unsaved.Add((streamId, handleId));
                }
            }

            throw;
        }
    }
}

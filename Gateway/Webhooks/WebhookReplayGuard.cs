namespace Meridian.Gateway.Webhooks;

/// <summary>
/// The signatures seen inside the replay window: a second delivery of one is a replay. Each is forgotten once its
/// timestamp leaves the window (it would be refused as too old by then anyway), so memory stays bounded by the rate.
/// </summary>
internal sealed class WebhookReplayGuard
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _expiry = new();

    /// <summary>Remembers <paramref name="signature"/> until <paramref name="forgetAt"/>; false when it was already seen.</summary>
    public bool TryRemember(string signature, DateTimeOffset forgetAt, DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_expiry.TryPeek(out var old, out var at) && at <= now)
            {
                _expiry.Dequeue();
                _seen.Remove(old);
            }

            if (!_seen.TryAdd(signature, forgetAt))
                return false;
            _expiry.Enqueue(signature, forgetAt);
            return true;
        }
    }
}

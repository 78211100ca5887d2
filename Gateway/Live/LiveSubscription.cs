using System.Threading.Channels;
using Meridian.Gateway.Auth;

namespace Meridian.Gateway.Live;

/// <summary>One event of the stream, serialized once for every connection: its name, the portfolio it belongs to (null: every key may see it) and its JSON.</summary>
internal sealed record LiveMessage(string Event, string? PortfolioId, string Data);

/// <summary>
/// One connection's queue of events, holding only what its key may see. Bounded: a connection that does not keep up loses
/// its oldest events and is marked <see cref="Lagged"/>, and the stream then sends it a fresh snapshot instead.
/// </summary>
internal sealed class LiveSubscription : IDisposable
{
    /// <summary>Events a connection may fall behind by before the oldest are dropped.</summary>
    public const int Capacity = 1024;

    private readonly LiveHub _hub;
    private readonly Channel<LiveMessage> _queue;
    private int _lagged;

    internal LiveSubscription(LiveHub hub, Caller caller)
    {
        _hub = hub;
        Caller = caller;
        _queue = Channel.CreateBounded<LiveMessage>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false },
            _ => Volatile.Write(ref _lagged, 1));
    }

    /// <summary>The key the connection authenticated with.</summary>
    public Caller Caller { get; }

    /// <summary>The events to send, oldest first.</summary>
    public ChannelReader<LiveMessage> Reader => _queue.Reader;

    /// <summary>True when events were dropped since the last snapshot.</summary>
    public bool Lagged => Volatile.Read(ref _lagged) == 1;

    /// <summary>Queues <paramref name="message"/> when the key may see it; never waits.</summary>
    internal void Offer(LiveMessage message)
    {
        if (message.PortfolioId is null || Caller.CanAccess(message.PortfolioId))
            _queue.Writer.TryWrite(message);
    }

    /// <summary>Forgets what is queued (a fresh snapshot replaces it).</summary>
    internal void Clear()
    {
        while (_queue.Reader.TryRead(out _))
        {
        }

        Volatile.Write(ref _lagged, 0);
    }

    /// <summary>Stops the connection's events.</summary>
    public void Dispose() => _hub.Unsubscribe(this);
}

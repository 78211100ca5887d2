using Meridian.Brokers.Alpaca.Rest;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>
/// How <see cref="AlpacaMarketDataStream"/> connects and reconnects. After a drop or a failure it waits a random time
/// between half and all of min(<see cref="ReconnectCap"/>, <see cref="ReconnectBase"/> × 2^(n-1)) before attempt n
/// (jitter, so many clients do not come back together); a session that got as far as Alpaca's subscription answer
/// starts the count again. Alpaca's 406 (connection limit: usually one connection per user) waits
/// <see cref="ConnectionLimitDelay"/> to 1.5 × it instead, since another connection is holding the slot.
/// </summary>
public sealed record AlpacaStreamSettings
{
    /// <summary>The ceiling of the first reconnect wait.</summary>
    public TimeSpan ReconnectBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest reconnect wait.</summary>
    public TimeSpan ReconnectCap { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after Alpaca's 406 "connection limit exceeded".</summary>
    public TimeSpan ConnectionLimitDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the connect, Alpaca's greeting and the authentication may take.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the socket pings Alpaca; a pong missing for as long drops the connection.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The largest message accepted; a larger one drops the connection.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Also subscribe to <c>updatedBars</c>: Alpaca's late corrections of minute bars, published as the minute's bar again.</summary>
    public bool UpdatedBars { get; init; }

    /// <summary>The clock the waits run on (the real one; never a silo's simulated clock).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The wait before reconnect attempt <paramref name="attempt"/> (1-based), drawn from <paramref name="random"/>.</summary>
    public TimeSpan ReconnectDelay(int attempt, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentNullException.ThrowIfNull(random);
        var ceiling = new RetryBackoff(ReconnectBase, ReconnectCap, int.MaxValue).Ceiling(attempt);
        return ceiling * (0.5 + (0.5 * random.NextDouble()));
    }

    /// <summary>The wait after a 406, drawn from <paramref name="random"/>.</summary>
    public TimeSpan ConnectionLimitWait(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return TimeSpan.FromMilliseconds(ConnectionLimitDelay.TotalMilliseconds * (1 + (0.5 * random.NextDouble())));
    }
}

using Meridian.Brokers.Alpaca.Rest;
using Meridian.Grains.Domain;

namespace Meridian.Brokers.Alpaca.Configuration;

/// <summary>Which Alpaca account the platform trades: paper by default; live only when the setting says so explicitly.</summary>
public enum AlpacaMode
{
    /// <summary>Paper trading at paper-api.alpaca.markets.</summary>
    Paper,

    /// <summary>Real money at api.alpaca.markets.</summary>
    Live,
}

/// <summary>
/// How the platform talks to Alpaca. The four URLs default to Alpaca's hosts for <see cref="Mode"/> and can be pointed
/// elsewhere (tests use a fake server on loopback). Built from settings by <see cref="AlpacaSettings"/>.
/// </summary>
public sealed record AlpacaOptions
{
    public static readonly Uri PaperTradingUrl = new("https://paper-api.alpaca.markets");
    public static readonly Uri LiveTradingUrl = new("https://api.alpaca.markets");
    public static readonly Uri DefaultDataUrl = new("https://data.alpaca.markets");

    /// <summary>Paper or live.</summary>
    public AlpacaMode Mode { get; init; } = AlpacaMode.Paper;

    /// <summary>The Trading API host.</summary>
    public Uri TradingUrl { get; init; } = PaperTradingUrl;

    /// <summary>The trade-updates WebSocket (the trading host with wss and /stream).</summary>
    public Uri TradingStreamUrl { get; init; } = new("wss://paper-api.alpaca.markets/stream");

    /// <summary>The Market Data API host.</summary>
    public Uri DataUrl { get; init; } = DefaultDataUrl;

    /// <summary>The real-time stock data WebSocket, e.g. wss://stream.data.alpaca.markets/v2/iex.</summary>
    public Uri DataStreamUrl { get; init; } = new("wss://stream.data.alpaca.markets/v2/iex");

    /// <summary>The data feed: iex (free, the default), sip, boats or otc.</summary>
    public string Feed { get; init; } = "iex";

    /// <summary>Log what would be sent to the Trading API and send nothing that changes orders.</summary>
    public bool DryRun { get; init; }

    /// <summary>The portfolio whose orders go to this Alpaca account; orders found at Alpaca that the platform did not place are adopted into it.</summary>
    public string PortfolioId { get; init; } = "alpaca";

    /// <summary>The client-side limit on requests per minute to each host (Alpaca allows 200).</summary>
    public int RequestsPerMinute { get; init; } = 190;

    /// <summary>How long one REST request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often orders, fills and positions are reconciled with Alpaca (also at startup and after every stream reconnect).</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a position mismatch may last while in-flight reports settle before it halts the portfolio.</summary>
    public TimeSpan PositionSettleTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How far back the first reconciliation after a start lists orders.</summary>
    public TimeSpan ReconcileLookback { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The wait between reconnects of a stream: jittered, doubling from 0.5 s to at most 30 s.</summary>
    public RetryBackoff StreamReconnect { get; init; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), int.MaxValue);

    /// <summary>
    /// The clock of everything on the wire (timeouts, the throttle, backoff, reconciliation's timestamps): Alpaca's
    /// time is wall-clock time, whatever clock the silo runs on (a simulated one in tests and backtests).
    /// </summary>
    public TimeProvider NetworkTime { get; init; } = TimeProvider.System;

    /// <summary>The symbols whose real-time bars and trades feed the market-data streams (none: no data stream).</summary>
    public IReadOnlyList<Symbol> StreamSymbols { get; init; } = [];
}

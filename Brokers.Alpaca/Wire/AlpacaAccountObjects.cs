namespace Meridian.Brokers.Alpaca.Wire;

/// <summary>The fields of <c>GET /v2/account</c> the platform reads; the rest are ignored.</summary>
public sealed record AlpacaAccount
{
    public string? Id { get; init; }
    public string? AccountNumber { get; init; }
    public string? Status { get; init; }
    public string? Currency { get; init; }
    public decimal? Cash { get; init; }
    public decimal? BuyingPower { get; init; }
    public decimal? Equity { get; init; }
    public bool? PatternDayTrader { get; init; }
    public bool? TradingBlocked { get; init; }
    public bool? AccountBlocked { get; init; }
}

/// <summary>One entry of <c>GET /v2/positions</c>. <see cref="Qty"/> is negative for a short position.</summary>
public sealed record AlpacaPosition
{
    public string? Symbol { get; init; }
    public decimal? Qty { get; init; }
    public decimal? AvgEntryPrice { get; init; }
    public string? Side { get; init; }
    public decimal? MarketValue { get; init; }
    public decimal? CurrentPrice { get; init; }
}

/// <summary><c>GET /v2/clock</c>: the market's time and sessions, in ET with an offset.</summary>
public sealed record AlpacaClock
{
    public DateTimeOffset? Timestamp { get; init; }
    public bool? IsOpen { get; init; }
    public DateTimeOffset? NextOpen { get; init; }
    public DateTimeOffset? NextClose { get; init; }
}

/// <summary>Alpaca's error body: <c>{"code":40310000,"message":"insufficient buying power"}</c>, sometimes with more fields.</summary>
public sealed record AlpacaError
{
    public long? Code { get; init; }
    public string? Message { get; init; }
}

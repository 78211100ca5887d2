namespace Meridian.Brokers.Alpaca.Wire;

/// <summary>
/// A message on the trade-updates WebSocket: <c>{"stream":"trade_updates","data":{...}}</c>, or a control message
/// (<c>authorization</c>, <c>listening</c>) whose <see cref="Data"/> carries a status.
/// </summary>
public sealed record TradeUpdateMessage
{
    public string? Stream { get; init; }
    public TradeUpdate? Data { get; init; }
}

/// <summary>
/// One trade update: the <see cref="Event"/> (new, fill, partial_fill, canceled, ...; the set is open-ended) and the
/// order as it now stands. Fill events add the execution id, this fill's price and quantity, and the position after it.
/// Control messages use <see cref="Status"/> and <see cref="Action"/> instead.
/// </summary>
public sealed record TradeUpdate
{
    public string? Event { get; init; }
    public string? ExecutionId { get; init; }
    public AlpacaOrder? Order { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public decimal? Price { get; init; }
    public decimal? Qty { get; init; }
    public decimal? PositionQty { get; init; }
    public string? Status { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<string>? Streams { get; init; }
}

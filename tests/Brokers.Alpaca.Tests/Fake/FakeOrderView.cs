namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>
/// A snapshot of one order in the fake, for test assertions. <c>ParentId</c>: for a bracket/oco/oto leg, the parent
/// order's id. <c>LegIds</c>: for a parent, its legs' ids (take-profit first). <c>SubmittedAt</c>/<c>FilledAt</c>: as on
/// the wire, RFC-3339 with nanoseconds.
/// </summary>
public sealed record FakeOrderView(
    string Id,
    string ClientOrderId,
    string Symbol,
    string Side,
    string Type,
    string TimeInForce,
    string OrderClass,
    string Status,
    decimal? Qty,
    decimal? Notional,
    decimal FilledQty,
    decimal? FilledAvgPrice,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal? TrailPrice,
    decimal? TrailPercent,
    string? ParentId,
    IReadOnlyList<string> LegIds,
    string? Replaces,
    string? ReplacedBy,
    string SubmittedAt,
    string? FilledAt);

/// <summary>
/// One execution made with <see cref="FakeAlpaca.Fill"/>. <c>Event</c>: "fill" when the order is now complete, else
/// "partial_fill". <c>PositionQty</c>: the symbol's signed position after it. <c>Timestamp</c>: the event's, as on the wire.
/// </summary>
public sealed record FakeExecution(
    string ExecutionId,
    string OrderId,
    string ClientOrderId,
    string Event,
    decimal Qty,
    decimal Price,
    decimal PositionQty,
    string Timestamp);

/// <summary>
/// One HTTP request the fake answered (or held until the client gave up). <c>PathAndQuery</c>: the request target
/// exactly as sent (not decoded), e.g. <c>/v2/orders:by_client_order_id?client_order_id=a</c>. <c>Path</c>: the decoded
/// path. <c>Body</c>: the request body ("" when none). <c>Status</c>: the status sent, or 0 when none was (the client
/// aborted a held request). <c>Time</c>: when the request arrived.
/// </summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Path, string Body, int Status, DateTimeOffset Time);

namespace Meridian.Brokers.Alpaca.Wire;

/// <summary>The body of <c>POST /v2/orders</c>. Decimals are written as strings; null fields are left out.</summary>
public sealed record AlpacaOrderRequest
{
    public required string Symbol { get; init; }
    public required decimal Qty { get; init; }
    public required string Side { get; init; }
    public required string Type { get; init; }
    public required string TimeInForce { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    public required string ClientOrderId { get; init; }
    public string? OrderClass { get; init; }
    public AlpacaTakeProfit? TakeProfit { get; init; }
    public AlpacaStopLoss? StopLoss { get; init; }
}

/// <summary>The take-profit exit of a bracket, OCO or OTO order.</summary>
public sealed record AlpacaTakeProfit(decimal LimitPrice);

/// <summary>The stop-loss exit of a bracket, OCO or OTO order; a stop-limit when <see cref="LimitPrice"/> is set.</summary>
public sealed record AlpacaStopLoss(decimal StopPrice, decimal? LimitPrice = null);

/// <summary>The body of <c>PATCH /v2/orders/{order_id}</c>: the fields that change, and the replacing order's client order id.</summary>
public sealed record AlpacaReplaceRequest
{
    public decimal? Qty { get; init; }
    public string? TimeInForce { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? Trail { get; init; }
    public string? ClientOrderId { get; init; }
}

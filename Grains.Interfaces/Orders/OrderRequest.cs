using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>The take-profit exit of a bracket, OCO or OTO order: a limit order.</summary>
public sealed record TakeProfitLeg(Price LimitPrice);

/// <summary>The stop-loss exit of a bracket, OCO or OTO order: a stop, or a stop-limit when <see cref="LimitPrice"/> is set.</summary>
public sealed record StopLossLeg(Price StopPrice, Price? LimitPrice = null);

/// <summary>
/// What a client asks for: an order for one portfolio, identified by its <see cref="ClientOrderId"/> (the idempotency key:
/// the same id with the same request is the same order). Alpaca's equity order model.
/// </summary>
public sealed record OrderRequest(
    string ClientOrderId,
    string PortfolioId,
    Symbol Symbol,
    Side Side,
    Quantity Quantity,
    OrderType Type = OrderType.Market,
    TimeInForce TimeInForce = TimeInForce.Day,
    Price? LimitPrice = null,
    Price? StopPrice = null,
    Price? TrailPrice = null,
    decimal? TrailPercent = null,
    OrderClass Class = OrderClass.Simple,
    TakeProfitLeg? TakeProfit = null,
    StopLossLeg? StopLoss = null)
{
    /// <summary>Alpaca's limit on client order ids.</summary>
    public const int MaxClientOrderIdLength = 128;

    /// <summary>The price a risk check values the order at before it trades: the limit, else the stop, else null (market orders use the last price).</summary>
    public Price? ReferencePrice => LimitPrice ?? StopPrice;

    /// <summary>Every rule the request breaks (empty when valid): required and forbidden prices per type, legs per class, ids.</summary>
    public IReadOnlyList<FieldError> Validate() => OrderRequestRules.Check(this);

    /// <summary>Throws <see cref="InvalidInputException"/> listing every violation, or returns the request.</summary>
    public OrderRequest EnsureValid() =>
        Validate() is { Count: > 0 } errors ? throw new InvalidInputException($"order '{ClientOrderId}'", errors) : this;
}

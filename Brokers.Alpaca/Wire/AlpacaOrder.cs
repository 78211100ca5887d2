namespace Meridian.Brokers.Alpaca.Wire;

/// <summary>
/// Alpaca's Order object as it arrives (REST responses and trade-update events). Every field is nullable and unknown
/// fields are ignored: the contract is checked by <see cref="AlpacaContract"/>, which names the field that broke it,
/// rather than by the deserializer.
/// </summary>
public sealed record AlpacaOrder
{
    public string? Id { get; init; }
    public string? ClientOrderId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? FilledAt { get; init; }
    public DateTimeOffset? CanceledAt { get; init; }
    public DateTimeOffset? ExpiredAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    public string? ReplacedBy { get; init; }
    public string? Replaces { get; init; }
    public string? Symbol { get; init; }
    public string? AssetClass { get; init; }
    public decimal? Qty { get; init; }
    public decimal? Notional { get; init; }
    public decimal? FilledQty { get; init; }
    public decimal? FilledAvgPrice { get; init; }
    public string? OrderClass { get; init; }
    public string? Type { get; init; }
    public string? Side { get; init; }
    public string? TimeInForce { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    public string? Status { get; init; }
    public bool? ExtendedHours { get; init; }
    public IReadOnlyList<AlpacaOrder>? Legs { get; init; }
}

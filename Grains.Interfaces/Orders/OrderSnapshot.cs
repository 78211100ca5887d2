using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>An order as it stands: its request, status, fills so far and links to related orders.</summary>
public sealed record OrderSnapshot(
    OrderRequest Request,
    OrderStatus Status,
    Quantity FilledQuantity,
    Price? AverageFillPrice,
    Money Commission,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? BrokerOrderId = null,
    string? ReplacesClientOrderId = null,
    string? ReplacedByClientOrderId = null,
    string? ParentClientOrderId = null,
    IReadOnlyList<string>? LegClientOrderIds = null,
    string? DenialCode = null,
    string? StatusReason = null,
    bool OverfillFlagged = false,
    bool External = false)
{
    /// <summary>The order's id: its client order id.</summary>
    public string ClientOrderId => Request.ClientOrderId;

    /// <summary>What is left to fill.</summary>
    public Quantity RemainingQuantity => Status.IsOpen() ? Request.Quantity - Quantity.Min(FilledQuantity, Request.Quantity) : Quantity.Zero;
}

/// <summary>The answer to a submission: the order, and whether this call created it or found it already there (same id, same request).</summary>
public sealed record OrderSubmission(OrderSnapshot Order, bool Created);

/// <summary>What an Order grain tells its portfolio after each change: the status, and the fill when there was one.</summary>
public sealed record OrderUpdate(
    string ClientOrderId,
    string PortfolioId,
    Symbol Symbol,
    Side Side,
    OrderStatus Status,
    Quantity OrderQuantity,
    Quantity FilledQuantity,
    DateTimeOffset Time,
    Fill? Fill = null);

/// <summary>Same client order id, different request: an error, never a second order.</summary>
public sealed class OrderConflictException(string clientOrderId, string difference)
    : InvalidOperationException($"client_order_id '{clientOrderId}' is already used by a different order ({difference}); use a new id for a new order")
{
    /// <summary>The id both requests used.</summary>
    public string ClientOrderId { get; } = clientOrderId;
}

/// <summary>An operation the order's current status does not allow (cancel a filled order, replace a pending one).</summary>
public sealed class OrderStateException(string message) : InvalidOperationException(message);

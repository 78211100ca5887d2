namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>One order inside the fake (mutable; only touched under the order book's lock).</summary>
internal sealed class FakeOrder
{
    public required string Id { get; init; }
    public required string ClientOrderId { get; init; }
    public required string Symbol { get; init; }
    public required string AssetId { get; init; }
    public required string Side { get; init; }
    public required string Type { get; init; }
    public required string TimeInForce { get; set; }

    /// <summary>As the client sent it: "" (omitted), "simple", "bracket", "oco" or "oto". Legs carry the parent's class.</summary>
    public required string OrderClass { get; init; }

    public decimal? Qty { get; set; }
    public decimal? Notional { get; init; }
    public decimal? LimitPrice { get; set; }
    public decimal? StopPrice { get; set; }
    public decimal? TrailPrice { get; set; }
    public decimal? TrailPercent { get; set; }
    public decimal? Hwm { get; set; }
    public bool ExtendedHours { get; init; }
    public string? PositionIntent { get; init; }

    public required string Status { get; set; }
    public decimal FilledQty { get; set; }
    public decimal? FilledAvgPrice { get; set; }

    public long CreatedAt { get; init; }
    public long UpdatedAt { get; set; }
    public long SubmittedAt { get; init; }
    public long? FilledAt { get; set; }
    public long? ExpiredAt { get; set; }
    public long? CanceledAt { get; set; }
    public long? FailedAt { get; set; }
    public long? ReplacedAt { get; set; }
    public string? ReplacedBy { get; set; }
    public string? Replaces { get; init; }

    /// <summary>For a leg of a bracket/oco/oto: the parent order's id.</summary>
    public string? ParentId { get; set; }

    /// <summary>For a leg: <see cref="FakeLegRole.TakeProfit"/> or <see cref="FakeLegRole.StopLoss"/>.</summary>
    public FakeLegRole LegRole { get; init; }

    /// <summary>For a parent: its legs' ids, take-profit first.</summary>
    public List<string> LegIds { get; } = [];

    /// <summary>Made by <c>POST /v2/orders</c> (rather than a replace, a leg, or an order placed outside the client).</summary>
    public bool CreatedByPost { get; init; }

    public bool IsTerminal => FakeOrderStatus.IsTerminal(Status);

    public FakeOrderView ToView() => new(
        Id, ClientOrderId, Symbol, Side, Type, TimeInForce, OrderClass, Status, Qty, Notional, FilledQty, FilledAvgPrice,
        LimitPrice, StopPrice, TrailPrice, TrailPercent, ParentId, [.. LegIds], Replaces, ReplacedBy,
        FakeTime.Format(SubmittedAt), FilledAt is { } f ? FakeTime.Format(f) : null);
}

internal enum FakeLegRole
{
    None,
    TakeProfit,
    StopLoss,
}

/// <summary>Alpaca's order statuses (spec <c>OrderStatus</c>) and which of them are final.</summary>
internal static class FakeOrderStatus
{
    public const string New = "new";
    public const string PartiallyFilled = "partially_filled";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
    public const string Expired = "expired";
    public const string Replaced = "replaced";
    public const string PendingCancel = "pending_cancel";
    public const string PendingReplace = "pending_replace";
    public const string Accepted = "accepted";
    public const string PendingNew = "pending_new";
    public const string Rejected = "rejected";
    public const string Held = "held";

    /// <summary>No further updates: filled, canceled, expired, replaced, rejected.</summary>
    public static bool IsTerminal(string status) =>
        status is Filled or Canceled or Expired or Replaced or Rejected;

    /// <summary>DELETE is refused (422) for final orders and while a cancel or replace is pending.</summary>
    public static bool IsCancelable(string status) =>
        !IsTerminal(status) && status is not PendingCancel and not PendingReplace;

    /// <summary>PATCH is refused (422) for final orders and while accepted, pending_new, pending_cancel or pending_replace.</summary>
    public static bool IsReplaceable(string status) =>
        !IsTerminal(status) && status is not Accepted and not PendingNew and not PendingCancel and not PendingReplace;
}

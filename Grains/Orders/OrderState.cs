using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>
/// The persisted state of one Order grain. <see cref="OrderLifecycle"/> is the only code that changes it.
/// Plain settable properties, so it round-trips through <c>Meridian.Runtime.Storage.StateJson.Options</c>.
/// </summary>
public sealed class OrderState
{
    /// <summary>The recorded request, or null while the id has never been used.</summary>
    public OrderRequest? Request { get; set; }

    /// <summary>The current status. It has no meaning until <see cref="Request"/> is set.</summary>
    public OrderStatus Status { get; set; }

    /// <summary>Units filled so far, the sum of every applied fill.</summary>
    public Quantity FilledQuantity { get; set; }

    /// <summary>The sum of price times quantity over the applied fills. The average fill price is this divided by <see cref="FilledQuantity"/>.</summary>
    public decimal FilledNotional { get; set; }

    /// <summary>The commission of every applied fill, summed.</summary>
    public Money Commission { get; set; }

    /// <summary>The broker's id for the order, taken from the first report that carries one.</summary>
    public string? BrokerOrderId { get; set; }

    /// <summary>The order this one replaces, when it was submitted as a replacement.</summary>
    public string? ReplacesClientOrderId { get; set; }

    /// <summary>The order replacing this one. Set when a replace begins and cleared when the broker refuses the replace.</summary>
    public string? ReplacedByClientOrderId { get; set; }

    /// <summary>The bracket, OCO or OTO order this one is a leg of.</summary>
    public string? ParentClientOrderId { get; set; }

    /// <summary>The client order ids of this order's exit legs, when it is a bracket, OCO or OTO parent.</summary>
    public List<string> LegClientOrderIds { get; set; } = [];

    /// <summary>The risk gate's code, when the order was denied.</summary>
    public string? DenialCode { get; set; }

    /// <summary>Why the order is in its current status, when a reason was given (denial, rejection, cancel, expiry).</summary>
    public string? StatusReason { get; set; }

    /// <summary>True once a fill was refused because it would have taken the order past its quantity. The broker and this system then disagree, and a person should look.</summary>
    public bool OverfillFlagged { get; set; }

    /// <summary>The execution ids of the applied fills. A report whose id is already here is a duplicate.</summary>
    public HashSet<string> ExecutionIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Everything that happened to the order, oldest first.</summary>
    public List<OrderEvent> Events { get; set; } = [];

    /// <summary>True when the order was placed at the broker outside this platform and adopted by reconciliation.</summary>
    public bool External { get; set; }

    /// <summary>When the order was recorded.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the last event was recorded.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

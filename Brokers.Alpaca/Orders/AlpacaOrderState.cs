using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>Where an order's submission to Alpaca stands.</summary>
public enum AlpacaSubmission
{
    /// <summary>Nothing recorded under this Alpaca client order id.</summary>
    None,

    /// <summary>Recorded and not yet sent (or to be sent again after a lookup found nothing).</summary>
    Pending,

    /// <summary>Being sent. Found after a restart, the outcome is unknown: it is looked up before anything is sent again.</summary>
    Sending,

    /// <summary>Alpaca has the order.</summary>
    Landed,

    /// <summary>Alpaca refused it (or the keys); it is not there.</summary>
    Refused,

    /// <summary>The outcome could not be learned (no answer, and the lookup failed too, or an answer broke the contract); reconciliation settles it.</summary>
    Unknown,

    /// <summary>Dry-run mode: logged, never sent.</summary>
    DryRun,

    /// <summary>Canceled locally before it was ever sent.</summary>
    CanceledUnsent,

    /// <summary>A leg of a bracket, OCO or OTO order, or an order placed outside the platform: never sent by the platform, only observed.</summary>
    Observed,
}

/// <summary>One execution the platform was told of: the outbox, sent again if its report may have been lost.</summary>
public sealed record AlpacaFillRecord(string ExecutionId, decimal Quantity, decimal Price, DateTimeOffset Time);

/// <summary>The persisted state of one <see cref="AlpacaOrderGrain"/> (keyed by the Alpaca client order id).</summary>
public sealed class AlpacaOrderState
{
    /// <summary>The platform's client order id, once linked.</summary>
    public string? ClientOrderId { get; set; }

    /// <summary>The platform order's portfolio.</summary>
    public string? PortfolioId { get; set; }

    /// <summary>The request to send (null for observed orders).</summary>
    public OrderRequest? Request { get; set; }

    /// <summary>The platform order this one replaces, when it is sent as a replace (PATCH).</summary>
    public string? ReplacesClientOrderId { get; set; }

    /// <summary>Alpaca's id for the order, once known.</summary>
    public string? AlpacaOrderId { get; set; }

    /// <summary>Where the submission stands.</summary>
    public AlpacaSubmission Submission { get; set; }

    /// <summary>How many times the order was sent since the last lookup that settled its fate.</summary>
    public int Attempts { get; set; }

    /// <summary>Every execution reported to the platform order, in order; their quantities sum to what Alpaca said was filled.</summary>
    public List<AlpacaFillRecord> Fills { get; set; } = [];

    /// <summary>The last status (other than fills) reported to the platform order.</summary>
    public OrderStatus? ReportedStatus { get; set; }

    /// <summary>The last status Alpaca gave, as it wrote it.</summary>
    public string? AlpacaStatus { get; set; }
}

namespace Meridian.Grains.Orders;

/// <summary>What <see cref="OrderLifecycle.Apply"/> did with an execution report.</summary>
public enum ReportOutcomeKind
{
    /// <summary>The report changed the order and <see cref="ReportOutcome.Event"/> records the change.</summary>
    Applied,

    /// <summary>The report restated something already known, such as an execution already applied or the current status. Nothing was recorded.</summary>
    Duplicate,

    /// <summary>The report was not applied. If it concerned this existing order, <see cref="ReportOutcome.Event"/> records the refusal.</summary>
    Refused,
}

/// <summary>The result of applying one execution report: what happened, the event recorded (if any), and why, when it was not applied.</summary>
/// <param name="Kind">Applied, duplicate or refused.</param>
/// <param name="Event">
/// The event appended to the order's history: the change when applied, and <see cref="OrderTransitionRefused"/> or
/// <see cref="OrderOverfillRefused"/> when refused. Null for a duplicate, and for a report that names another order or
/// arrives before the order exists.
/// </param>
/// <param name="Reason">Why the report was a duplicate or refused, for the log. Null when applied.</param>
public sealed record ReportOutcome(ReportOutcomeKind Kind, OrderEvent? Event, string? Reason)
{
    /// <summary>The execution that was applied, when the report was an applied fill. The Order grain passes it on with <see cref="OrderLifecycle.ToUpdate"/>.</summary>
    public Fill? AppliedFill => Event switch
    {
        OrderPartiallyFilled partial => partial.Fill,
        OrderFilled filled => filled.Fill,
        _ => null,
    };

    internal static ReportOutcome Applied(OrderEvent recorded) => new(ReportOutcomeKind.Applied, recorded, null);

    internal static ReportOutcome Duplicate(string reason) => new(ReportOutcomeKind.Duplicate, null, reason);

    internal static ReportOutcome Refused(OrderEvent? recorded, string reason) => new(ReportOutcomeKind.Refused, recorded, reason);
}

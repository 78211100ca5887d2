using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Grains.Orders;

/// <summary>
/// One order, keyed by its client order id: its state machine, event history and link to the broker.
/// Submissions come from the order's Portfolio grain (the risk gate); execution reports come from the broker.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records an approved order and sends it to the broker, once. The same request again returns the existing order
    /// (<see cref="OrderSubmission.Created"/> false) and sends nothing; a different request under the same id throws
    /// <see cref="OrderConflictException"/>. The order is durable before this returns.
    /// </summary>
    Task<OrderSubmission> SubmitAsync(OrderRequest request);

    /// <summary>Records an order the risk gate denied (it is never sent). Same idempotency as <see cref="SubmitAsync"/>.</summary>
    Task<OrderSubmission> DenyAsync(OrderRequest request, string code, string reason);

    /// <summary>Records the replacing order of <paramref name="replacesClientOrderId"/> and sends the replace to the broker (called on the new order's grain).</summary>
    Task<OrderSubmission> SubmitReplacementAsync(OrderRequest request, string replacesClientOrderId);

    /// <summary>Records an exit leg of a bracket, OCO or OTO order (held until the parent fills); called by the parent's grain, never sent on its own.</summary>
    Task<OrderSubmission> RecordLegAsync(OrderRequest leg, string parentClientOrderId);

    /// <summary>
    /// Records an order found at the broker that this platform did not place (reconciliation adopts it rather than ignore
    /// it): marked external, never sent, with <paramref name="brokerOrderId"/> as its broker id. Its portfolio is told, so
    /// its fills count. Same idempotency as <see cref="SubmitAsync"/>.
    /// </summary>
    Task<OrderSubmission> AdoptAsync(OrderRequest request, string brokerOrderId);

    /// <summary>Asks the broker to cancel; throws <see cref="OrderStateException"/> when the order can no longer be canceled.</summary>
    Task<OrderSnapshot> CancelAsync(string? reason = null);

    /// <summary>Links this order to the new one replacing it and moves it to pending_replace; throws <see cref="OrderStateException"/> when it cannot be replaced.</summary>
    Task<OrderSnapshot> BeginReplaceAsync(string newClientOrderId);

    /// <summary>Applies a broker's execution report (the broker does not wait). Illegal moves, duplicated executions and overfills are refused, logged and recorded.</summary>
    [OneWay]
    Task ApplyReportAsync(ExecutionReport report);

    /// <summary>The order now, or null when this id has never been used.</summary>
    [ReadOnly]
    Task<OrderSnapshot?> GetAsync();

    /// <summary>Everything that happened to the order, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<OrderEvent>> GetHistoryAsync();
}

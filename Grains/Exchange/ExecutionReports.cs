using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Exchange;

/// <summary>The reports the book sends; every report about an accepted order carries its broker order id.</summary>
internal static class ExecutionReports
{
    public static ExecutionReport Status(WorkingOrder order, OrderStatus status, DateTimeOffset time, string? reason = null) =>
        new(order.ClientOrderId, status, time, order.BrokerOrderId, Reason: reason);

    public static ExecutionReport Filled(WorkingOrder order, Fill fill) =>
        new(order.ClientOrderId, order.Status, fill.Time, order.BrokerOrderId, fill);

    /// <summary>A refusal: the order was never accepted, so it has no broker order id; the reason lists every problem.</summary>
    public static ExecutionReport Rejected(string clientOrderId, DateTimeOffset time, IEnumerable<FieldError> errors) =>
        new(clientOrderId, OrderStatus.Rejected, time, Reason: string.Join("; ", errors));
}

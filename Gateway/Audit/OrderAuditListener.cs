using System.Globalization;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;

namespace Meridian.Gateway.Audit;

/// <summary>
/// Records every order event in the audit log with the portfolio as actor: an order recorded (sent on, or denied with
/// its code) and each update applied (status; quantity, price and execution id of a fill). Runs inside the portfolio's
/// turn: it only queues.
/// </summary>
internal sealed class OrderAuditListener(IAuditLog audit, TimeProvider clock) : ITradingActivitySink
{
    public void OrderRecorded(OrderSnapshot order)
    {
        var request = order.Request;
        var detail = AuditDetail.Start()
            .Add("symbol", request.Symbol.ToString())
            .Add("side", request.Side.ToString())
            .Add("quantity", request.Quantity.Value)
            .Add("type", request.Type.ToString())
            .Add("denial_code", order.DenialCode)
            .End();
        audit.Append(new AuditRecord(clock.GetUtcNow(), "portfolio:" + request.PortfolioId, "order.recorded", order.ClientOrderId,
            StatusName(order.Status), detail));
    }

    public void OrderUpdateApplied(OrderUpdate update)
    {
        var detail = AuditDetail.Start().Add("symbol", update.Symbol.ToString());
        if (update.Fill is { } fill)
        {
            detail.Add("fill_quantity", fill.Quantity.Value)
                .Add("fill_price", fill.Price.Value)
                .Add("execution_id", fill.ExecutionId);
        }

        detail.Add("filled_quantity", update.FilledQuantity.Value);
        audit.Append(new AuditRecord(clock.GetUtcNow(), "portfolio:" + update.PortfolioId, "order.update", update.ClientOrderId,
            StatusName(update.Status), detail.End()));
    }

    private static string StatusName(Grains.Domain.OrderStatus status) => status.ToString().ToLower(CultureInfo.InvariantCulture);
}

using System.Text.Json;

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>
/// Writes the spec's <c>Order</c> object the way Alpaca does (spec example <c>EquityOrderResponse</c>): every money and
/// quantity field a JSON string, every timestamp RFC-3339 with nanoseconds, every nullable field present (null when
/// unset), <c>legs</c> null or an array of leg orders (whose own <c>legs</c> are null).
/// </summary>
internal static class FakeOrderJson
{
    public static void Write(Utf8JsonWriter w, FakeOrder order, IReadOnlyList<FakeOrder>? legs)
    {
        w.WriteStartObject();
        w.WriteString("id", order.Id);
        w.WriteString("client_order_id", order.ClientOrderId);
        FakeWire.WriteTime(w, "created_at", order.CreatedAt);
        FakeWire.WriteTime(w, "updated_at", order.UpdatedAt);
        FakeWire.WriteTime(w, "submitted_at", order.SubmittedAt);
        FakeWire.WriteTime(w, "filled_at", order.FilledAt);
        FakeWire.WriteTime(w, "expired_at", order.ExpiredAt);
        FakeWire.WriteTime(w, "canceled_at", order.CanceledAt);
        FakeWire.WriteTime(w, "failed_at", order.FailedAt);
        FakeWire.WriteTime(w, "replaced_at", order.ReplacedAt);
        FakeWire.WriteStringOrNull(w, "replaced_by", order.ReplacedBy);
        FakeWire.WriteStringOrNull(w, "replaces", order.Replaces);
        w.WriteString("asset_id", order.AssetId);
        w.WriteString("symbol", order.Symbol);
        w.WriteString("asset_class", "us_equity");
        FakeWire.WriteDec(w, "notional", order.Notional);
        FakeWire.WriteDec(w, "qty", order.Qty);
        w.WriteString("filled_qty", FakeWire.Dec(order.FilledQty));
        FakeWire.WriteDec(w, "filled_avg_price", order.FilledAvgPrice);
        w.WriteString("order_class", order.OrderClass);
        w.WriteString("order_type", order.Type);
        w.WriteString("type", order.Type);
        w.WriteString("side", order.Side);
        if (order.PositionIntent is not null)
        {
            w.WriteString("position_intent", order.PositionIntent);
        }

        w.WriteString("time_in_force", order.TimeInForce);
        FakeWire.WriteDec(w, "limit_price", order.LimitPrice);
        FakeWire.WriteDec(w, "stop_price", order.StopPrice);
        w.WriteString("status", order.Status);
        w.WriteBoolean("extended_hours", order.ExtendedHours);
        if (legs is null)
        {
            w.WriteNull("legs");
        }
        else
        {
            w.WriteStartArray("legs");
            foreach (var leg in legs)
            {
                Write(w, leg, null);
            }

            w.WriteEndArray();
        }

        FakeWire.WriteDec(w, "trail_percent", order.TrailPercent);
        FakeWire.WriteDec(w, "trail_price", order.TrailPrice);
        FakeWire.WriteDec(w, "hwm", order.Hwm);
        w.WriteNull("source");
        w.WriteNull("subtag");
        w.WriteEndObject();
    }

    /// <summary>A fill's extra fields on a <c>trade_updates</c> message.</summary>
    internal readonly record struct FillFields(string ExecutionId, decimal Price, decimal Qty, decimal PositionQty);

    /// <summary>
    /// <c>{"stream":"trade_updates","data":{"event":...,"order":{...},...}}</c> (NOTES §2.1): fills carry
    /// execution_id, timestamp, price, qty and position_qty; canceled/expired/replaced/rejected carry timestamp.
    /// </summary>
    public static byte[] TradeUpdate(string eventName, FakeOrder order, IReadOnlyList<FakeOrder>? legs, long timestamp, FillFields? fill) =>
        FakeWire.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("stream", "trade_updates");
            w.WriteStartObject("data");
            w.WriteString("event", eventName);
            if (fill is { } f)
            {
                w.WriteString("execution_id", f.ExecutionId);
            }

            w.WritePropertyName("order");
            Write(w, order, legs);
            if (fill is not null || eventName is "canceled" or "expired" or "replaced" or "rejected")
            {
                FakeWire.WriteTime(w, "timestamp", timestamp);
            }

            if (fill is { } g)
            {
                w.WriteString("price", FakeWire.Dec(g.Price));
                w.WriteString("qty", FakeWire.Dec(g.Qty));
                w.WriteString("position_qty", FakeWire.Dec(g.PositionQty));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
}

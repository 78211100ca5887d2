using System.Globalization;
using Meridian.Grains.Domain;

namespace Meridian.Grains.Orders;

/// <summary>Says, for a person, how two requests under one client order id differ (for <see cref="OrderConflictException"/>).</summary>
internal static class OrderRequestDifference
{
    // Every field of OrderRequest, named as the API names it. Legs are flattened so a message shows the price that differs.
    private static readonly (string Field, Func<OrderRequest, object?> Value)[] s_fields =
    [
        ("client_order_id", r => r.ClientOrderId),
        ("portfolio_id", r => r.PortfolioId),
        ("symbol", r => r.Symbol),
        ("side", r => r.Side),
        ("qty", r => r.Quantity),
        ("type", r => r.Type),
        ("time_in_force", r => r.TimeInForce),
        ("limit_price", r => r.LimitPrice),
        ("stop_price", r => r.StopPrice),
        ("trail_price", r => r.TrailPrice),
        ("trail_percent", r => r.TrailPercent),
        ("order_class", r => r.Class),
        ("take_profit.limit_price", r => r.TakeProfit?.LimitPrice),
        ("stop_loss.stop_price", r => r.StopLoss?.StopPrice),
        ("stop_loss.limit_price", r => r.StopLoss?.LimitPrice),
    ];

    /// <summary>Null when the requests are equal. Otherwise each differing field as "field recorded vs requested", e.g. "qty 10 vs 12".</summary>
    public static string? Describe(OrderRequest recorded, OrderRequest requested)
    {
        if (recorded == requested)
            return null;
        var differences = s_fields
            .Where(field => !Equals(field.Value(recorded), field.Value(requested)))
            .Select(field => $"{field.Field} {Show(field.Value(recorded))} vs {Show(field.Value(requested))}");
        var text = string.Join(", ", differences);
        // Reached only if OrderRequest gains a field missing above. Even then the requests still differ, so never return null here.
        return text.Length > 0 ? text : "the requests differ";
    }

    private static string Show(object? value) => value switch
    {
        null => "none",
        Enum e => WireName.Of(e),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "none",
    };
}

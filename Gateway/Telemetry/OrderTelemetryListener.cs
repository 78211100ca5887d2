using Meridian.Grains.Diagnostics;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Microsoft.Extensions.Logging;

namespace Meridian.Gateway.Telemetry;

/// <summary>
/// Counts orders submitted, filled and denied (by code) and logs each order event with its ids as fields. Routine events
/// log at Debug (at order rate Information would flood the log); a denial logs at Information.
/// </summary>
internal sealed partial class OrderTelemetryListener(ILogger<OrderTelemetryListener> logger) : ITradingActivitySink
{
    public void OrderRecorded(OrderSnapshot order)
    {
        var request = order.Request;
        if (order.Status == OrderStatus.Denied)
        {
            var reason = order.DenialCode ?? "unknown";
            TradingMetrics.OrdersDenied.Add(1, new KeyValuePair<string, object?>("reason", reason));
            OrderDenied(logger, request.ClientOrderId, request.PortfolioId, request.Symbol, reason, order.StatusReason);
            return;
        }

        TradingMetrics.OrdersSubmitted.Add(1);
        if (logger.IsEnabled(LogLevel.Debug))
            OrderSubmitted(logger, request.ClientOrderId, request.PortfolioId, request.Symbol, order.Status);
    }

    public void OrderUpdateApplied(OrderUpdate update)
    {
        if (update.Status == OrderStatus.Filled && update.Fill is not null)
            TradingMetrics.OrdersFilled.Add(1);
        if (logger.IsEnabled(LogLevel.Debug))
            OrderUpdated(logger, update.ClientOrderId, update.PortfolioId, update.Symbol, update.Status, update.Fill?.Quantity.Value, update.Fill?.Price.Value);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {ClientOrderId} of {PortfolioId} for {Symbol} recorded: {Status}")]
    private static partial void OrderSubmitted(ILogger logger, string clientOrderId, string portfolioId, Symbol symbol, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {ClientOrderId} of {PortfolioId} for {Symbol} denied: {DenialCode} {Reason}")]
    private static partial void OrderDenied(ILogger logger, string clientOrderId, string portfolioId, Symbol symbol, string denialCode, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {ClientOrderId} of {PortfolioId} for {Symbol} is {Status} (fill {FillQuantity} at {FillPrice})")]
    private static partial void OrderUpdated(ILogger logger, string clientOrderId, string portfolioId, Symbol symbol, OrderStatus status, decimal? fillQuantity, decimal? fillPrice);
}

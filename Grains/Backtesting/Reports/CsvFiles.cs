using Meridian.Grains.Domain;
using static Meridian.Grains.Backtesting.Reports.WireFormat;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// The run's tables as CSV, one row per order, fill, closed trade and equity point, in the result's order. Amounts,
/// prices and quantities keep their exact decimal digits; ratios are doubles in round-trip form; times are ISO 8601
/// UTC; enum values are the API's snake_case names. docs/backtest-reports.md describes every column.
/// </summary>
internal static class CsvFiles
{
    /// <summary>orders.csv: every order in its final state, approved or denied.</summary>
    public static string Orders(BacktestResult result)
    {
        var csv = new CsvWriter(
            "client_order_id", "created_at", "symbol", "side", "type", "quantity", "status", "filled_quantity",
            "average_fill_price", "commission", "denial_code", "status_reason", "updated_at", "time_in_force", "order_class",
            "limit_price", "stop_price", "trail_price", "trail_percent", "parent_client_order_id", "replaces_client_order_id",
            "replaced_by_client_order_id", "broker_order_id");
        foreach (var order in result.Orders)
        {
            var request = order.Request;
            csv.WriteRecord(
                order.ClientOrderId,
                Time(order.CreatedAt),
                request.Symbol.Value,
                WireName.Of(request.Side),
                WireName.Of(request.Type),
                Decimal(request.Quantity.Value),
                WireName.Of(order.Status),
                Decimal(order.FilledQuantity.Value),
                Optional(order.AverageFillPrice?.Value),
                Decimal(order.Commission.Amount),
                order.DenialCode,
                order.StatusReason,
                Time(order.UpdatedAt),
                WireName.Of(request.TimeInForce),
                WireName.Of(request.Class),
                Optional(request.LimitPrice?.Value),
                Optional(request.StopPrice?.Value),
                Optional(request.TrailPrice?.Value),
                Optional(request.TrailPercent),
                order.ParentClientOrderId,
                order.ReplacesClientOrderId,
                order.ReplacedByClientOrderId,
                order.BrokerOrderId);
        }
        return csv.ToString();
    }

    /// <summary>fills.csv: every fill.</summary>
    public static string Fills(BacktestResult result)
    {
        var csv = new CsvWriter("time", "symbol", "side", "quantity", "price", "commission", "client_order_id", "execution_id");
        foreach (var fill in result.Fills)
        {
            csv.WriteRecord(
                Time(fill.Time),
                fill.Symbol.Value,
                WireName.Of(fill.Side),
                Decimal(fill.Quantity.Value),
                Decimal(fill.Price.Value),
                Decimal(fill.Commission.Amount),
                fill.ClientOrderId,
                fill.ExecutionId);
        }
        return csv.ToString();
    }

    /// <summary>trades.csv: every closed round trip.</summary>
    public static string Trades(BacktestResult result)
    {
        var csv = new CsvWriter(
            "symbol", "direction", "opened_at", "closed_at", "quantity", "entry", "exit", "realized_pnl", "fees", "net_pnl",
            "fill_count", "return", "cycle");
        foreach (var (symbol, trade) in result.Trades)
        {
            csv.WriteRecord(
                symbol.Value,
                TradeFigures.Direction(trade),
                Time(trade.OpenedAt),
                Time(trade.ClosedAt),
                Decimal(trade.MaxQuantity),
                Decimal(trade.AverageEntryPrice.Value),
                Decimal(trade.AverageExitPrice.Value),
                Decimal(trade.RealizedPnl.Amount),
                Decimal(trade.Fees.Amount),
                Decimal(TradeFigures.NetPnl(trade)),
                Integer(trade.FillCount),
                TradeFigures.Return(trade) is { } r ? Ratio(r) : null,
                Integer(trade.Number));
        }
        return csv.ToString();
    }

    /// <summary>equity.csv: the equity curve with the drawdown at each point.</summary>
    public static string Equity(BacktestResult result)
    {
        var csv = new CsvWriter("time", "equity", "drawdown");
        var drawdowns = DrawdownSeries.Of(result.Equity);
        for (var i = 0; i < result.Equity.Count; i++)
            csv.WriteRecord(Time(result.Equity[i].Time), Decimal(result.Equity[i].Equity.Amount), Ratio(drawdowns[i]));
        return csv.ToString();
    }

    private static string? Optional(decimal? value) => value is { } v ? Decimal(v) : null;
}

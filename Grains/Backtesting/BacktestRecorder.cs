using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Backtesting;

/// <summary>
/// Collects, in-process, every order a backtest's portfolio records and every fill it applies. Called from grain
/// turns on any thread, so it only appends under a lock; the run sorts what it holds once at the end.
/// </summary>
internal sealed class BacktestRecorder : ITradingActivitySink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OrderSnapshot> _orders = [];
    private readonly List<BacktestFill> _fills = [];

    public void OrderRecorded(OrderSnapshot order)
    {
        lock (_lock)
            _orders.TryAdd(order.ClientOrderId, order);
    }

    public void OrderUpdateApplied(OrderUpdate update)
    {
        if (update.Fill is not { } fill)
            return;
        var recorded = new BacktestFill(fill.Time, update.Symbol, update.Side, fill.Quantity, fill.Price, fill.Commission, update.ClientOrderId, fill.ExecutionId);
        lock (_lock)
            _fills.Add(recorded);
    }

    /// <summary>The client order ids of every order recorded, in id order.</summary>
    public IReadOnlyList<string> OrderIds()
    {
        lock (_lock)
            return [.. _orders.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The order as it was recorded (its final state is asked of its grain).</summary>
    public OrderSnapshot Recorded(string clientOrderId)
    {
        lock (_lock)
            return _orders[clientOrderId];
    }

    /// <summary>Every fill by time, then symbol, then execution id.</summary>
    public IReadOnlyList<BacktestFill> Fills()
    {
        lock (_lock)
        {
            return [.. _fills
                .OrderBy(f => f.Time)
                .ThenBy(f => f.Symbol.Value, StringComparer.Ordinal)
                .ThenBy(f => f.ExecutionId, StringComparer.Ordinal)];
        }
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Backtesting;

/// <summary>
/// Collects, in-process, every order a backtest's portfolio records and every update it applies (fills and
/// endings), so the run knows each order's final state without asking Order grains that have ended (and
/// deactivated). Called from grain turns on any thread, so it only appends under a lock; the run sorts what it holds
/// once at the end.
/// </summary>
internal sealed class BacktestRecorder : ITradingActivitySink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RecordedOrder> _orders = [];
    private readonly List<BacktestFill> _fills = [];

    public void OrderRecorded(OrderSnapshot order)
    {
        lock (_lock)
            _orders.TryAdd(order.ClientOrderId, new RecordedOrder(order));
    }

    public void OrderUpdateApplied(OrderUpdate update)
    {
        lock (_lock)
        {
            if (!_orders.TryGetValue(update.ClientOrderId, out var order))
                return;
            order.Apply(update);
            if (update.Fill is { } fill)
                _fills.Add(new BacktestFill(fill.Time, update.Symbol, update.Side, fill.Quantity, fill.Price, fill.Commission, update.ClientOrderId, fill.ExecutionId));
        }
    }

    /// <summary>Every order recorded, in id order: its final state when it has ended, else as recorded (null then: ask its grain).</summary>
    public IReadOnlyList<(string ClientOrderId, OrderSnapshot? Ended)> Orders()
    {
        lock (_lock)
            return [.. _orders.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Ended))];
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

    /// <summary>An order as recorded, with the updates applied since.</summary>
    private sealed class RecordedOrder(OrderSnapshot recorded)
    {
        private OrderSnapshot _current = recorded;
        private decimal _notional;

        /// <summary>The order's final state, or null while it is open.</summary>
        public OrderSnapshot? Ended => _current.Status.IsTerminal() ? _current : null;

        public void Apply(OrderUpdate update)
        {
            var commission = _current.Commission;
            var average = _current.AverageFillPrice;
            if (update.Fill is { } fill)
            {
                _notional += fill.Quantity.Value * fill.Price.Value;
                commission += fill.Commission;
                average = OrderLifecycle.AveragePrice(_notional, update.FilledQuantity);
            }
            _current = _current with
            {
                Status = update.Status,
                FilledQuantity = update.FilledQuantity,
                AverageFillPrice = average,
                Commission = commission,
                UpdatedAt = update.Time,
            };
        }
    }
}

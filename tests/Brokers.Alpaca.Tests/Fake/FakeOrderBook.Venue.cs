namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>What the venue does to orders, as tests call it: fills, cancels, expiries, rejections, acceptances.</summary>
internal sealed partial class FakeOrderBook
{
    // ---------------------------------------------------------------- venue actions (control API)

    public FakeExecution Fill(string clientOrderId, decimal qty, decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qty);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        lock (_lock)
        {
            var order = Find(clientOrderId);
            if (order.IsTerminal)
            {
                throw new InvalidOperationException($"Order '{clientOrderId}' is {order.Status}; it cannot fill.");
            }

            if (order.Status == FakeOrderStatus.Held && !LegIsLive(order))
            {
                throw new InvalidOperationException($"Leg '{clientOrderId}' is held until its parent fills.");
            }

            if (order.Qty is { } total && order.FilledQty + qty > total)
            {
                throw new InvalidOperationException(
                    $"Order '{clientOrderId}' has {total - order.FilledQty} left to fill; cannot fill {qty}.");
            }

            var now = FakeTime.NowNanos();
            var filledBefore = order.FilledQty;
            order.FilledQty += qty;
            order.FilledAvgPrice = Math.Round((((order.FilledAvgPrice ?? 0) * filledBefore) + (qty * price)) / order.FilledQty, 9);
            var complete = order.Qty is null || order.FilledQty == order.Qty;
            SetStatus(order, complete ? FakeOrderStatus.Filled : FakeOrderStatus.PartiallyFilled, now);
            if (complete)
            {
                order.FilledAt = now;
            }

            var positionQty = ApplyFill(order.Symbol, order.Side, qty, price);
            var eventName = complete ? "fill" : "partial_fill";
            var execution = new FakeExecution(Guid.NewGuid().ToString(), order.Id, order.ClientOrderId, eventName, qty, price,
                positionQty, FakeTime.Format(now));
            Emit(eventName, order, now, new FakeOrderJson.FillFields(execution.ExecutionId, price, qty, positionQty));
            if (complete)
            {
                AfterCompleteFill(order, now);
            }

            return execution;
        }
    }

    public void Cancel(string clientOrderId)
    {
        lock (_lock)
        {
            var order = Find(clientOrderId);
            RequireOpen(order);
            CancelGroup(order, FakeTime.NowNanos());
        }
    }

    public void Expire(string clientOrderId)
    {
        lock (_lock)
        {
            var order = Find(clientOrderId);
            RequireOpen(order);
            var now = FakeTime.NowNanos();
            SetStatus(order, FakeOrderStatus.Expired, now);
            order.ExpiredAt = now;
            Emit("expired", order, now, null);
            CancelLegs(order, now, emit: true);
        }
    }

    public void Reject(string clientOrderId)
    {
        lock (_lock)
        {
            var order = Find(clientOrderId);
            RequireOpen(order);
            var now = FakeTime.NowNanos();
            SetStatus(order, FakeOrderStatus.Rejected, now);
            order.FailedAt = now;
            Emit("rejected", order, now, null);
            CancelLegs(order, now, emit: true);
        }
    }

    public void Accept(string clientOrderId)
    {
        lock (_lock)
        {
            var order = Find(clientOrderId);
            if (order.Status is not (FakeOrderStatus.Accepted or FakeOrderStatus.PendingNew))
            {
                throw new InvalidOperationException($"Order '{clientOrderId}' is {order.Status}, not accepted.");
            }

            var now = FakeTime.NowNanos();
            SetStatus(order, FakeOrderStatus.New, now);
            Emit("new", order, now, null);
        }
    }
}

using System.Collections.Concurrent;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;

namespace Meridian.Bench;

/// <summary>Completes an order's task when its portfolio has applied the fill that completed it: the end of a round trip.</summary>
internal sealed class FillSignals : ITradingActivitySink
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

    public Task WhenFilled(string clientOrderId)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[clientOrderId] = signal;
        return signal.Task;
    }

    public void OrderUpdateApplied(OrderUpdate update)
    {
        if (update.Status == OrderStatus.Filled && _waiting.TryRemove(update.ClientOrderId, out var signal))
            signal.SetResult();
        else if (update.Status.IsTerminal() && _waiting.TryRemove(update.ClientOrderId, out signal))
            signal.SetException(new InvalidOperationException($"order {update.ClientOrderId} ended {update.Status}, not filled"));
    }

    public void OrderRecorded(OrderSnapshot order)
    {
    }
}

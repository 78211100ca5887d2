using System.Collections.Concurrent;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;

namespace Meridian.Gateway.Tests;

/// <summary>
/// Listens to the portfolios' activity in the test host, so a test can wait for an order to reach a status (a fill
/// arriving through the market-data stream and the exchange) instead of guessing how long it takes.
/// </summary>
public sealed class OrderWatch : ITradingActivitySink
{
    private readonly ConcurrentDictionary<(string Id, OrderStatus Status), TaskCompletionSource> _waits = new();

    public void OrderRecorded(OrderSnapshot order) => Reached(order.ClientOrderId, order.Status);

    public void OrderUpdateApplied(OrderUpdate update) => Reached(update.ClientOrderId, update.Status);

    /// <summary>Completes when the order has reached <paramref name="status"/> (at once if it already has); fails after 30 s.</summary>
    public Task WaitAsync(string clientOrderId, OrderStatus status) =>
        Wait(clientOrderId, status).Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    private void Reached(string clientOrderId, OrderStatus status) => Wait(clientOrderId, status).TrySetResult();

    private TaskCompletionSource Wait(string clientOrderId, OrderStatus status) =>
        _waits.GetOrAdd((clientOrderId, status), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;

namespace Meridian.Brokers.Alpaca.Tests.Broker;

/// <summary>The portfolio's activity as it happens, so tests wait on the update they expect instead of sleeping.</summary>
internal sealed class ActivityProbe : ITradingActivitySink
{
    private readonly Lock _gate = new();
    private readonly List<OrderUpdate> _updates = [];
    private readonly List<(Func<OrderUpdate, bool> Match, TaskCompletionSource Done)> _waiters = [];

    public void OrderRecorded(OrderSnapshot order)
    {
    }

    public void OrderUpdateApplied(OrderUpdate update)
    {
        lock (_gate)
        {
            _updates.Add(update);
            foreach (var waiter in _waiters.Where(w => w.Match(update)).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes when the portfolio has applied an update matching <paramref name="match"/> (one already applied counts).</summary>
    public Task WaitAsync(Func<OrderUpdate, bool> match, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_updates.Any(match))
                return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(timeout, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Completes when order <paramref name="clientOrderId"/> has <paramref name="filled"/> units filled in its portfolio.</summary>
    public Task FilledAsync(string clientOrderId, decimal filled) =>
        WaitAsync(u => u.ClientOrderId == clientOrderId && u.FilledQuantity.Value == filled, TimeSpan.FromSeconds(30));
}

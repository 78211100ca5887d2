using System.Text.Json;
using System.Threading.Channels;
using Meridian.Gateway.Auth;
using Meridian.Gateway.Json;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Gateway.Live;

/// <summary>
/// The live views' one source: hears order activity from the portfolios (as a trading-activity listener), reads the
/// portfolios, grains and models once a second while anyone is connected, and hands each connection the events its
/// key may see: <c>order</c> as orders change, <c>portfolio</c> and <c>models</c> when they change, <c>grains</c> every second.
/// </summary>
internal sealed partial class LiveHub : BackgroundService, ITradingActivitySink
{
    /// <summary>How many of the latest orders a snapshot carries.</summary>
    public const int SnapshotOrders = 200;

    /// <summary>How many of the latest orders the hub keeps (across portfolios, so that a key scoped to a few still sees theirs).</summary>
    public const int KeptOrders = 1_000;

    /// <summary>Order activity waiting to be applied; beyond this the oldest is dropped rather than slow a portfolio down.</summary>
    public const int ActivityCapacity = 10_000;

    private static readonly TimeSpan s_readingInterval = TimeSpan.FromSeconds(1);

    private readonly LiveReadings _readings;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveHub> _logger;
    private readonly Channel<object> _activity = Channel.CreateBounded<object>(
        new BoundedChannelOptions(ActivityCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false });

    // Everything below is guarded by _gate: a snapshot and a connection's registration happen at one instant,
    // so a connection never receives an event older than its snapshot.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LiveOrder> _orders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tradedPortfolios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (LivePortfolio View, string Comparable)> _portfolios = new(StringComparer.Ordinal);
    private readonly List<LiveSubscription> _subscriptions = [];
    private LiveGrains? _grains;
    private LiveModels? _models;
    private string? _modelsComparable;

    public LiveHub(LiveReadings readings, TimeProvider time, ILogger<LiveHub> logger)
    {
        _readings = readings;
        _time = time;
        _logger = logger;
    }

    /// <summary>Connections open now.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
                return _subscriptions.Count;
        }
    }

    /// <inheritdoc />
    public void OrderRecorded(OrderSnapshot order) => _activity.Writer.TryWrite(order);

    /// <inheritdoc />
    public void OrderUpdateApplied(OrderUpdate update) => _activity.Writer.TryWrite(update);

    /// <summary>Registers a connection for <paramref name="caller"/>; returns it with its snapshot (JSON), taken at the same instant.</summary>
    public (LiveSubscription Subscription, string Snapshot) Subscribe(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var subscription = new LiveSubscription(this, caller);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
            return (subscription, SnapshotFor(caller));
        }
    }

    /// <summary>A fresh snapshot for a connection that fell behind; what it had queued is dropped, being older.</summary>
    public string Resynchronize(LiveSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            subscription.Clear();
            return SnapshotFor(subscription.Caller);
        }
    }

    internal void Unsubscribe(LiveSubscription subscription)
    {
        lock (_gate)
            _subscriptions.Remove(subscription);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var activity = ApplyActivityAsync(stoppingToken);
        using var timer = new PeriodicTimer(s_readingInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                // Reading keeps grains busy: only when someone is watching.
                if (ConnectionCount > 0)
                    await ReadAllAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }

        await activity.ConfigureAwait(false);
    }

    private async Task ApplyActivityAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _activity.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                lock (_gate)
                {
                    var order = item switch
                    {
                        OrderSnapshot recorded => LiveOrder.From(recorded),
                        OrderUpdate update => LiveOrder.Apply(_orders.GetValueOrDefault(update.ClientOrderId), update),
                        _ => null,
                    };
                    if (order is null)
                        continue;
                    _orders[order.ClientOrderId] = order;
                    _tradedPortfolios.Add(order.PortfolioId);
                    TrimOrders();
                    Broadcast(new LiveMessage("order", order.PortfolioId, Serialize(order)));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task ReadAllAsync()
    {
        string[] portfolioIds;
        try
        {
            lock (_gate)
                portfolioIds = [.. _tradedPortfolios.Union(_readings.ActivePortfolioIds()).Order(StringComparer.Ordinal)];
            foreach (var id in portfolioIds)
                await ReadPortfolioAsync(id).ConfigureAwait(false);
            var grains = _readings.ReadGrains();
            lock (_gate)
            {
                _grains = grains;
                Broadcast(new LiveMessage("grains", null, Serialize(grains)));
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            ReadingFailed(_logger, error, "portfolios and grains");
        }

        try
        {
            var models = await _readings.ReadModelsAsync().ConfigureAwait(false);
            var comparable = Serialize(models with { AsOf = default });
            lock (_gate)
            {
                if (comparable == _modelsComparable)
                    return;
                _models = models;
                _modelsComparable = comparable;
                Broadcast(new LiveMessage("models", null, Serialize(models)));
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            ReadingFailed(_logger, error, "models");
        }
    }

    private async Task ReadPortfolioAsync(string portfolioId)
    {
        LivePortfolio? view;
        try
        {
            view = await _readings.ReadPortfolioAsync(portfolioId).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // One portfolio that cannot answer (busy, deactivating) does not hold up the others.
            ReadingFailed(_logger, error, "portfolio " + portfolioId);
            return;
        }

        if (view is null)
            return;
        var comparable = Serialize(view with { AsOf = default });
        lock (_gate)
        {
            if (_portfolios.TryGetValue(portfolioId, out var known) && known.Comparable == comparable)
                return;
            _portfolios[portfolioId] = (view, comparable);
            Broadcast(new LiveMessage("portfolio", portfolioId, Serialize(view)));
        }
    }

    private string SnapshotFor(Caller caller)
    {
        var snapshot = new LiveSnapshot(
            LiveCaller.From(caller),
            [.. _portfolios.Values.Select(p => p.View).Where(p => caller.CanAccess(p.PortfolioId)).OrderBy(p => p.PortfolioId, StringComparer.Ordinal)],
            [.. _orders.Values.Where(o => caller.CanAccess(o.PortfolioId)).OrderByDescending(o => o.UpdatedAt).Take(SnapshotOrders)],
            _grains,
            _models,
            _time.GetUtcNow());
        return Serialize(snapshot);
    }

    private void Broadcast(LiveMessage message)
    {
        foreach (var subscription in _subscriptions)
            subscription.Offer(message);
    }

    /// <summary>Keeps the latest orders only: let grow to twice <see cref="KeptOrders"/>, then trimmed back in one pass.</summary>
    private void TrimOrders()
    {
        if (_orders.Count <= 2 * KeptOrders)
            return;
        foreach (var old in _orders.Values.OrderByDescending(o => o.UpdatedAt).Skip(KeptOrders).ToList())
            _orders.Remove(old.ClientOrderId);
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, GatewayJson.Options);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live views could not read the {What}; the next reading tries again")]
    private static partial void ReadingFailed(ILogger logger, Exception error, string what);
}

using System.Threading.Channels;
using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.Orders;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Brokers.Alpaca.Wire;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;
using Meridian.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.Reconciliation;

/// <summary>
/// Brings the platform and the Alpaca account into agreement: at startup, every <see cref="AlpacaOptions.ReconcileInterval"/>,
/// and whenever asked (after a stream reconnect, or an event for an order nobody knows). In order:
/// <list type="number">
/// <item>orders the platform recorded but never handed to Alpaca (a crash between the two) are sent;</item>
/// <item>every order Alpaca lists is applied to its order here, which infers fills missing here from Alpaca's cumulative
/// quantity; an order placed outside the platform is adopted into the account's portfolio, marked external;</item>
/// <item>orders still in play that the listing missed are settled one by one (looked up, and sent only if Alpaca lacks them);</item>
/// <item>positions are compared. A difference that outlasts <see cref="AlpacaOptions.PositionSettleTime"/> (reports in
/// flight) cannot be explained, and halts the portfolio with the reason rather than trade on a wrong position.</item>
/// </list>
/// </summary>
public sealed partial class AlpacaReconciler(
    AlpacaOptions options, AlpacaTradingClient alpaca, IGrainFactory grains, ILogger<AlpacaReconciler> logger) : BackgroundService
{
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _running = new(1, 1);
    private DateTimeOffset? _lastListed;

    /// <summary>The last reconciliation's outcome, or null before the first.</summary>
    public ReconciliationReport? Last { get; private set; }

    /// <summary>Why the last reconciliation failed, or null when it succeeded.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Raised after every reconciliation, with its report.</summary>
    public event Action<ReconciliationReport>? Reconciled;

    /// <summary>Asks for a reconciliation soon; requests made while one is waiting are merged into it.</summary>
    public void Request(string why)
    {
        if (_requests.Writer.TryWrite(why))
            Log.Requested(logger, why);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var why = "startup";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (AlpacaApiException e)
            {
                LastFailure = e.Message;
                Log.Failed(logger, e, why);
            }
            using var interval = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            interval.CancelAfter(options.ReconcileInterval);
            try
            {
                why = await _requests.Reader.ReadAsync(interval.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                why = "interval";
            }
        }
    }

    /// <summary>Reconciles once (one at a time); see the class summary for the steps.</summary>
    public async Task<ReconciliationReport> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var portfolio = grains.GetGrain<IPortfolioGrain>(options.PortfolioId);
            var unsent = await SendUnsentAsync(portfolio).ConfigureAwait(false);
            var (seen, adopted, listed) = await ApplyListedOrdersAsync(cancellationToken).ConfigureAwait(false);
            var settled = await SettleTrackedAsync(listed).ConfigureAwait(false);
            var mismatches = await ComparePositionsAsync(portfolio, cancellationToken).ConfigureAwait(false);
            if (mismatches.Count > 0)
                await HaltAsync(portfolio, mismatches).ConfigureAwait(false);
            var report = new ReconciliationReport(options.NetworkTime.GetUtcNow(), seen, adopted, settled, unsent, mismatches);
            Last = report;
            LastFailure = null;
            Log.Done(logger, seen, adopted, settled, unsent, mismatches.Count);
            Reconciled?.Invoke(report);
            return report;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Open orders of the portfolio with no Alpaca journal: recorded here, never handed over. They are looked up, then sent if missing.</summary>
    private async Task<int> SendUnsentAsync(IPortfolioGrain portfolio)
    {
        IReadOnlyList<OpenOrder> open;
        try
        {
            open = await portfolio.GetOpenOrdersAsync().ConfigureAwait(false);
        }
        catch (PortfolioNotFoundException)
        {
            return 0;
        }
        var unsent = 0;
        foreach (var entry in open)
        {
            var journal = grains.GetGrain<IAlpacaOrderGrain>(AlpacaClientOrderIds.For(entry.ClientOrderId));
            if (await journal.GetAsync().ConfigureAwait(false) is not null)
                continue;
            var order = await grains.GetGrain<IOrderGrain>(entry.ClientOrderId).GetAsync().ConfigureAwait(false);
            if (order is not { Status: OrderStatus.Submitted, External: false, ParentClientOrderId: null })
                continue;
            await journal.RecordAsync(order.Request, order.ReplacesClientOrderId).ConfigureAwait(false);
            await journal.ResolveAsync().ConfigureAwait(false);
            unsent++;
        }
        return unsent;
    }

    private async Task<(int Seen, int Adopted, HashSet<string> Listed)> ApplyListedOrdersAsync(CancellationToken cancellationToken)
    {
        var started = options.NetworkTime.GetUtcNow();
        var after = (_lastListed ?? started - options.ReconcileLookback) - TimeSpan.FromMinutes(5);
        var orders = new Dictionary<string, AlpacaOrder>(StringComparer.Ordinal);
        foreach (var order in await alpaca.ListOrdersAsync("all", after, cancellationToken).ConfigureAwait(false))
            orders[order.Id!] = order;
        foreach (var order in await alpaca.ListOrdersAsync("open", after: null, cancellationToken).ConfigureAwait(false))
            orders.TryAdd(order.Id!, order);

        var listed = new HashSet<string>(StringComparer.Ordinal);
        int seen = 0, adopted = 0;
        // Parents first: a parent links its legs, so a leg is never mistaken for an order placed outside the platform.
        foreach (var order in orders.Values.OrderBy(o => o.SubmittedAt ?? o.CreatedAt))
        {
            foreach (var one in (IEnumerable<AlpacaOrder>)[order, .. order.Legs ?? []])
            {
                seen++;
                listed.Add(one.ClientOrderId!);
                var grain = grains.GetGrain<IAlpacaOrderGrain>(one.ClientOrderId!);
                if (!await grain.ObserveAsync(one, execution: null).ConfigureAwait(false) && await AdoptAsync(one).ConfigureAwait(false))
                    adopted++;
            }
        }
        _lastListed = started;
        return (seen, adopted, listed);
    }

    /// <summary>Adopts an order placed outside the platform into the account's portfolio, or halts the portfolio when it cannot be represented.</summary>
    private async Task<bool> AdoptAsync(AlpacaOrder order)
    {
        var clientOrderId = $"ext-{order.Id}";
        var request = AlpacaOrderRequests.Adopted(order, clientOrderId, options.PortfolioId, out var problem);
        if (request is null)
        {
            var reason = $"order {order.Id} ({order.ClientOrderId}) at Alpaca was not placed here and cannot be adopted: {problem}";
            Log.CannotAdopt(logger, reason);
            await HaltAsync(grains.GetGrain<IPortfolioGrain>(options.PortfolioId), reason).ConfigureAwait(false);
            return false;
        }
        try
        {
            await grains.GetGrain<IOrderGrain>(clientOrderId).AdoptAsync(request, order.Id!).ConfigureAwait(false);
        }
        catch (OrderConflictException e)
        {
            Log.CannotAdopt(logger, e.Message);
            return false;
        }
        var grain = grains.GetGrain<IAlpacaOrderGrain>(order.ClientOrderId!);
        await grain.LinkAsync(clientOrderId, options.PortfolioId, order.Id!).ConfigureAwait(false);
        await grain.ObserveAsync(order, execution: null).ConfigureAwait(false);
        return true;
    }

    private async Task<int> SettleTrackedAsync(HashSet<string> listed)
    {
        var settled = 0;
        var registry = grains.GetGrain<IAlpacaOrderRegistryGrain>(IAlpacaOrderRegistryGrain.Key);
        foreach (var id in await registry.GetTrackedAsync().ConfigureAwait(false))
        {
            var view = await grains.GetGrain<IAlpacaOrderGrain>(id).GetAsync().ConfigureAwait(false);
            var unsettled = view?.Submission is AlpacaSubmission.Pending or AlpacaSubmission.Sending or AlpacaSubmission.Unknown;
            if (listed.Contains(id) && !unsettled)
                continue;
            await grains.GetGrain<IAlpacaOrderGrain>(id).ResolveAsync().ConfigureAwait(false);
            settled++;
        }
        return settled;
    }

    /// <summary>Differences between the portfolio's positions and Alpaca's, given reports in flight until <see cref="AlpacaOptions.PositionSettleTime"/> to land.</summary>
    private async Task<IReadOnlyList<PositionMismatch>> ComparePositionsAsync(IPortfolioGrain portfolio, CancellationToken cancellationToken)
    {
        var deadline = options.NetworkTime.GetUtcNow() + options.PositionSettleTime;
        var pause = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var atAlpaca = await alpaca.ListPositionsAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyDictionary<Symbol, decimal> local;
            try
            {
                local = (await portfolio.GetHoldingsAsync().ConfigureAwait(false)).Positions;
            }
            catch (PortfolioNotFoundException)
            {
                local = new Dictionary<Symbol, decimal>();
            }
            var mismatches = Differences(local, atAlpaca);
            if (mismatches.Count == 0 || options.NetworkTime.GetUtcNow() >= deadline)
                return mismatches;
            // Fills travel one-way from the Alpaca order to the order, the portfolio and the position: give them time to land.
            await Task.Delay(pause, options.NetworkTime, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(500).Ticks));
        }
    }

    /// <summary>Every symbol whose signed quantity differs; a symbol Alpaca does not list is flat there.</summary>
    public static IReadOnlyList<PositionMismatch> Differences(IReadOnlyDictionary<Symbol, decimal> local, IReadOnlyList<AlpacaPosition> atAlpaca)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(atAlpaca);
        var remote = new Dictionary<Symbol, decimal>();
        foreach (var position in atAlpaca)
        {
            if (Symbol.TryParse(position.Symbol, out var symbol, out _))
                remote[symbol] = remote.GetValueOrDefault(symbol) + position.Qty!.Value;
        }
        return [.. local.Keys.Union(remote.Keys)
            .Select(s => new PositionMismatch(s, local.GetValueOrDefault(s), remote.GetValueOrDefault(s)))
            .Where(m => m.Local != m.AtAlpaca)
            .OrderBy(m => m.Symbol.Value, StringComparer.Ordinal)];
    }

    private Task HaltAsync(IPortfolioGrain portfolio, IReadOnlyList<PositionMismatch> mismatches) =>
        HaltAsync(portfolio, $"positions disagree with Alpaca after reconciling orders and fills: {string.Join("; ", mismatches)}");

    private async Task HaltAsync(IPortfolioGrain portfolio, string reason)
    {
        try
        {
            var now = await portfolio.GetAsync().ConfigureAwait(false);
            if (now.TradingState == TradingState.Halted)
                return;
            Log.Halting(logger, options.PortfolioId, reason);
            await portfolio.SetTradingStateAsync(TradingState.Halted, $"reconciliation: {reason}; trading halted until a person reconciles").ConfigureAwait(false);
        }
        catch (PortfolioNotFoundException)
        {
            Log.Halting(logger, options.PortfolioId, reason + " (the portfolio is not open)");
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "reconciliation with Alpaca requested: {Why}")]
        public static partial void Requested(ILogger logger, string why);

        [LoggerMessage(Level = LogLevel.Information, Message = "reconciled with Alpaca: {Seen} orders seen, {Adopted} adopted, {Settled} settled, {Unsent} unsent sent, {Mismatches} position mismatches")]
        public static partial void Done(ILogger logger, int seen, int adopted, int settled, int unsent, int mismatches);

        [LoggerMessage(Level = LogLevel.Error, Message = "reconciliation with Alpaca ({Why}) failed; trying again at the next interval")]
        public static partial void Failed(ILogger logger, Exception exception, string why);

        [LoggerMessage(Level = LogLevel.Error, Message = "{Reason}")]
        public static partial void CannotAdopt(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Critical, Message = "halting portfolio {PortfolioId}: {Reason}")]
        public static partial void Halting(ILogger logger, string portfolioId, string reason);
    }
}

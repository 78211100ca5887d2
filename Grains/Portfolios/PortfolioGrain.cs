using System.Diagnostics;
using Meridian.Grains.Diagnostics;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Grains.Positions;
using Meridian.Grains.Risk;
using Meridian.Grains.Statistics;
using Meridian.Runtime;
using Microsoft.Extensions.Logging;

namespace Meridian.Grains.Portfolios;

/// <summary>
/// A portfolio and its risk gate. Every order of the portfolio is checked here by <see cref="PreTradeRiskCheck"/>
/// against one consistent state (one request at a time), then recorded by its Order grain: sent when approved,
/// recorded as denied when not. Order grains report changes back one-way; fills go to the Position grain and then
/// into cash, exposures, P&amp;L and the kill-switch rules.
/// </summary>
public sealed partial class PortfolioGrain(
    [PersistentState("portfolio", TradingStorage.Name)] IPersistentState<PortfolioState> state,
    ITradingActivitySink activity,
    ILogger<PortfolioGrain> logger) : Grain, IPortfolioGrain
{
    /// <summary>How many portfolio events the state keeps.</summary>
    public const int MaxEvents = 1000;

    private PortfolioAccount? _account;
    private SubmitRateWindow? _submitRate;
    private bool _unwrittenMarks;

    private PortfolioAccount Account => _account ??= new PortfolioAccount(state.State);

    private SubmitRateWindow SubmitRate => _submitRate ??= new SubmitRateWindow(state.State.Limits.MaxOrdersPerSecond ?? 0);

    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Opened)
            return;
        // A new day starts from the equity last known, before today's prices come in.
        Account.RollDay(Clock.GetUtcNow());
        await RefreshMarksAsync();
        await RecoverOpenOrdersAsync();
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _unwrittenMarks ? WriteAsync() : Task.CompletedTask;

    /// <inheritdoc />
    public async Task<PortfolioSnapshot> OpenAsync(PortfolioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (state.State.Opened)
            throw new PortfolioExistsException(Id);
        var errors = PortfolioIds.Validate(Id).Concat(settings.Validate()).ToList();
        if (errors.Count > 0)
            throw new InvalidInputException($"portfolio '{Id}'", errors);
        var now = Clock.GetUtcNow();
        state.State.Opened = true;
        state.State.StartingCash = state.State.Cash = settings.StartingCash.Amount;
        state.State.Limits = settings.Limits;
        SubmitRate.Resize(settings.Limits.MaxOrdersPerSecond ?? 0);
        Account.RollDay(now);
        Account.RecordEquity(now);
        await WriteAsync();
        return Account.ToSnapshot(Id, now);
    }

    /// <inheritdoc />
    public async Task<OrderSnapshot> SubmitOrderAsync(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureOpen();
        EnsureValid(request);
        await WatchAsync(request.Symbol);
        var now = Clock.GetUtcNow();
        Account.RollDay(now);
        return await SubmitCheckedAsync(request, now, liquidation: false);
    }

    /// <inheritdoc />
    public async Task WatchAsync(IReadOnlyList<Symbol> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        EnsureOpen();
        var before = state.State.WatchedSymbols.Count;
        foreach (var symbol in symbols)
            await WatchAsync(symbol);
        if (state.State.WatchedSymbols.Count != before)
        {
            Account.RecordEquity(Clock.GetUtcNow());
            await WriteAsync();
        }
    }

    /// <inheritdoc />
    public async Task<OrderSnapshot> CancelOrderAsync(string clientOrderId, string? reason = null)
    {
        EnsureOpen();
        var order = GrainFactory.GetGrain<IOrderGrain>(clientOrderId);
        var snapshot = await order.GetAsync();
        if (snapshot is null || snapshot.Request.PortfolioId != Id)
            throw new OrderStateException($"portfolio '{Id}' has no order '{clientOrderId}'");
        return await order.CancelAsync(reason);
    }

    /// <inheritdoc />
    public async Task<OrderSnapshot> ReplaceOrderAsync(string clientOrderId, OrderReplacement replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        EnsureOpen();
        var original = await GrainFactory.GetGrain<IOrderGrain>(clientOrderId).GetAsync();
        if (original is null || original.Request.PortfolioId != Id)
            throw new OrderStateException($"portfolio '{Id}' has no order '{clientOrderId}'");
        // Unless told otherwise, the replacement trades what the old order has left: its fills stay its own.
        var request = replacement.ApplyTo(original.Request) with { Quantity = replacement.Quantity ?? original.RemainingQuantity };
        EnsureValid(request);
        var now = Clock.GetUtcNow();
        Account.RollDay(now);

        // The replacement is checked as if the old order were gone: its reservation must not count against its successor.
        state.State.OpenOrders.TryGetValue(clientOrderId, out var reserved);
        if (reserved is not null)
            Account.RemoveOpenOrder(clientOrderId);
        var riskStarted = Stopwatch.GetTimestamp();
        var denial = PreTradeRiskCheck.Check(request, Account, state.State.Limits, SubmitRate, now);
        TradingMetrics.RiskCheckDone(riskStarted);
        if (reserved is not null)
            Account.AddOpenOrder(clientOrderId, reserved);

        var newOrder = GrainFactory.GetGrain<IOrderGrain>(request.ClientOrderId);
        if (denial is not null)
            return Recorded((await newOrder.DenyAsync(request, denial.CodeName, denial.Message)).Order);
        await GrainFactory.GetGrain<IOrderGrain>(clientOrderId).BeginReplaceAsync(request.ClientOrderId);
        var submission = await newOrder.SubmitReplacementAsync(request, clientOrderId);
        await ReserveAsync(submission, request, now);
        return Recorded(submission.Order);
    }

    /// <inheritdoc />
    public Task<PortfolioSnapshot> GetAsync()
    {
        EnsureOpen();
        return Task.FromResult(Account.ToSnapshot(Id, Clock.GetUtcNow()));
    }

    /// <inheritdoc />
    public Task<PortfolioHoldings> GetHoldingsAsync()
    {
        EnsureOpen();
        var positions = new Dictionary<Symbol, decimal>();
        foreach (var position in state.State.Positions.Values)
        {
            if (!position.IsFlat)
                positions[position.Symbol] = position.Quantity;
        }
        var open = new Dictionary<Symbol, decimal>();
        foreach (var order in state.State.OpenOrders.Values)
            open[order.Symbol] = open.GetValueOrDefault(order.Symbol) + (order.Side == Side.Buy ? order.Remaining : -order.Remaining);
        return Task.FromResult(new PortfolioHoldings(Money.Of(state.State.Cash), Money.Of(Account.Equity), positions, open));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OpenOrder>> GetOpenOrdersAsync() =>
        Task.FromResult<IReadOnlyList<OpenOrder>>(
        [
            .. state.State.OpenOrders.Select(pair => new OpenOrder(
                pair.Key, pair.Value.Symbol, pair.Value.Side, Quantity.Of(pair.Value.Remaining),
                pair.Value.ValuationPrice > 0m ? Price.Of(pair.Value.ValuationPrice) : null)),
        ]);

    /// <inheritdoc />
    public Task<IReadOnlyList<PortfolioEvent>> GetEventsAsync() => Task.FromResult<IReadOnlyList<PortfolioEvent>>([.. state.State.Events]);

    /// <inheritdoc />
    public Task<IReadOnlyList<EquityPoint>> GetEquityCurveAsync() => Task.FromResult<IReadOnlyList<EquityPoint>>([.. state.State.EquityCurve]);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PositionCycle>> GetClosedTradesAsync()
    {
        var trades = new List<PositionCycle>();
        foreach (var symbol in state.State.Positions.Keys)
            trades.AddRange(await Position(Symbol.Parse(symbol)).GetClosedCyclesAsync());
        trades.Sort((a, b) => a.ClosedAt.CompareTo(b.ClosedAt));
        return trades;
    }

    /// <inheritdoc />
    public async Task<PortfolioStatistics> GetStatisticsAsync()
    {
        EnsureOpen();
        var trades = await GetClosedTradesAsync();
        return PerformanceStatistics.Compute(state.State.EquityCurve, trades, state.State.TradedNotional, StatisticsOptions.Default);
    }

    private async Task<OrderSnapshot> SubmitCheckedAsync(OrderRequest request, DateTimeOffset now, bool liquidation)
    {
        var order = GrainFactory.GetGrain<IOrderGrain>(request.ClientOrderId);
        var riskStarted = Stopwatch.GetTimestamp();
        var denial = PreTradeRiskCheck.Check(request, Account, state.State.Limits, SubmitRate, now, liquidation);
        TradingMetrics.RiskCheckDone(riskStarted);
        if (denial is not null)
            return Recorded((await order.DenyAsync(request, denial.CodeName, denial.Message)).Order);
        var submission = await order.SubmitAsync(request);
        await ReserveAsync(submission, request, now);
        return Recorded(submission.Order);
    }

    private OrderSnapshot Recorded(OrderSnapshot order)
    {
        activity.OrderRecorded(order);
        return order;
    }

    /// <summary>A newly created order counts as open from now on; a resubmission of an existing one changes nothing.</summary>
    private async Task ReserveAsync(OrderSubmission submission, OrderRequest request, DateTimeOffset now)
    {
        if (!submission.Created)
            return;
        SubmitRate.Record(now);
        if (submission.Order.Status.IsOpen() && !state.State.OpenOrders.ContainsKey(request.ClientOrderId))
            Account.AddOpenOrder(request.ClientOrderId, NewOpenOrder(request));
        await WriteAsync();
    }

    private OpenOrderEntry NewOpenOrder(OrderRequest request) => new()
    {
        Symbol = request.Symbol,
        Side = request.Side,
        Quantity = request.Quantity.Value,
        ValuationPrice = (request.ReferencePrice ?? Account.LastPrice(request.Symbol))?.Value ?? 0m,
    };

    /// <summary>Watches a symbol's last price from the first order on, so the gate and the marks have it.</summary>
    private async Task WatchAsync(Symbol symbol)
    {
        if (state.State.WatchedSymbols.Contains(symbol.Value))
            return;
        var last = await GrainFactory.GetGrain<ILastPriceGrain>(symbol.Value).WatchAsync(Id);
        state.State.WatchedSymbols.Add(symbol.Value);
        if (last is not null)
            Account.Mark(last);
    }

    private IPositionGrain Position(Symbol symbol) => GrainFactory.GetGrain<IPositionGrain>(PositionKey.Of(Id, symbol));

    private void EnsureOpen()
    {
        if (!state.State.Opened)
            throw new PortfolioNotFoundException(Id);
    }

    private void EnsureValid(OrderRequest request)
    {
        var errors = request.Validate();
        if (request.PortfolioId != Id)
            errors = [.. errors, new FieldError("portfolio_id", $"'{request.PortfolioId}' is not this portfolio ('{Id}')")];
        if (errors.Count > 0)
            throw new InvalidInputException($"order '{request.ClientOrderId}'", errors);
    }
}

using Meridian.Grains.Brokers;
using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;
using Meridian.Runtime;
using Microsoft.Extensions.Logging;

namespace Meridian.Grains.Orders;

/// <summary>
/// One order (keyed by client order id) around <see cref="OrderLifecycle"/>: records it durably before anything is
/// sent, sends it to the broker exactly once, applies the broker's reports through the state machine and tells the
/// portfolio what changed.
/// </summary>
public sealed partial class OrderGrain(
    [PersistentState("order", TradingStorage.Name)] IPersistentState<OrderState> state,
    IBroker broker,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain
{
    private OrderLifecycle? _lifecycle;

    private OrderLifecycle Lifecycle => _lifecycle ??= new OrderLifecycle(this.GetPrimaryKeyString(), state.State);

    /// <inheritdoc />
    public async Task<OrderSubmission> SubmitAsync(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Existing(request) is { } existing)
            return existing;
        Lifecycle.Submit(request, Clock.GetUtcNow());
        // Durable before the broker hears of it: after a crash the order is known, and it is never sent a second time.
        await state.WriteStateAsync();
        foreach (var leg in OrderLegs.For(request))
            await GrainFactory.GetGrain<IOrderGrain>(leg.ClientOrderId).RecordLegAsync(leg, request.ClientOrderId);
        await SendAsync(() => broker.SubmitAsync(request), "submit");
        return new OrderSubmission(Lifecycle.ToSnapshot(), Created: true);
    }

    /// <inheritdoc />
    public async Task<OrderSubmission> DenyAsync(OrderRequest request, string code, string reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Existing(request) is { } existing)
            return existing;
        Lifecycle.Deny(request, code, reason, Clock.GetUtcNow());
        await state.WriteStateAsync();
        Log.OrderDenied(logger, request.ClientOrderId, request.PortfolioId, code, reason);
        return new OrderSubmission(Lifecycle.ToSnapshot(), Created: true);
    }

    /// <inheritdoc />
    public async Task<OrderSubmission> SubmitReplacementAsync(OrderRequest request, string replacesClientOrderId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Existing(request) is { } existing)
            return existing;
        Lifecycle.Submit(request, Clock.GetUtcNow(), replacesClientOrderId: replacesClientOrderId);
        await state.WriteStateAsync();
        await SendAsync(() => broker.ReplaceAsync(replacesClientOrderId, request), "replace");
        return new OrderSubmission(Lifecycle.ToSnapshot(), Created: true);
    }

    /// <inheritdoc />
    public async Task<OrderSubmission> RecordLegAsync(OrderRequest leg, string parentClientOrderId)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (Existing(leg) is { } existing)
            return existing;
        Lifecycle.Submit(leg, Clock.GetUtcNow(), parentClientOrderId: parentClientOrderId);
        await state.WriteStateAsync();
        NotifyPortfolio(fill: null);
        return new OrderSubmission(Lifecycle.ToSnapshot(), Created: true);
    }

    /// <inheritdoc />
    public async Task<OrderSubmission> AdoptAsync(OrderRequest request, string brokerOrderId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Existing(request) is { } existing)
            return existing;
        Lifecycle.Submit(request, Clock.GetUtcNow(), external: true);
        state.State.BrokerOrderId = brokerOrderId;
        await state.WriteStateAsync();
        Log.OrderAdopted(logger, request.ClientOrderId, request.PortfolioId, broker.Name, brokerOrderId);
        NotifyPortfolio(fill: null);
        return new OrderSubmission(Lifecycle.ToSnapshot(), Created: true);
    }

    /// <inheritdoc />
    public async Task<OrderSnapshot> CancelAsync(string? reason = null)
    {
        Lifecycle.EnsureCancelable();
        await SendAsync(() => broker.CancelAsync(state.State.Request!), "cancel");
        return Lifecycle.ToSnapshot();
    }

    /// <inheritdoc />
    public async Task<OrderSnapshot> BeginReplaceAsync(string newClientOrderId)
    {
        Lifecycle.BeginReplace(newClientOrderId, Clock.GetUtcNow());
        await state.WriteStateAsync();
        return Lifecycle.ToSnapshot();
    }

    /// <inheritdoc />
    public async Task ApplyReportAsync(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var outcome = Lifecycle.Apply(report);
        switch (outcome.Kind)
        {
            case ReportOutcomeKind.Duplicate:
                Log.DuplicateExecution(logger, report.ClientOrderId, report.Fill?.ExecutionId);
                return;
            case ReportOutcomeKind.Refused:
                Log.ReportRefused(logger, report.ClientOrderId, report.Status, state.State.Status, outcome.Event?.ToString());
                await state.WriteStateAsync();
                return;
        }
        await state.WriteStateAsync();
        // The portfolio needs fills and endings; a status that only says the order is working changes nothing it counts.
        if (report.Fill is not null || state.State.Status.IsTerminal())
            NotifyPortfolio(report.Fill);
        if (state.State.Status.IsTerminal())
            DeactivateOnIdle();
    }

    /// <inheritdoc />
    public Task<OrderSnapshot?> GetAsync() => Task.FromResult(Lifecycle.Exists ? Lifecycle.ToSnapshot() : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<OrderEvent>> GetHistoryAsync() => Task.FromResult<IReadOnlyList<OrderEvent>>([.. state.State.Events]);

    private OrderSubmission? Existing(OrderRequest request)
    {
        if (!Lifecycle.Exists)
            return null;
        if (Lifecycle.DifferenceFrom(request) is { } difference)
            throw new OrderConflictException(request.ClientOrderId, difference);
        return new OrderSubmission(Lifecycle.ToSnapshot(), Created: false);
    }

    private void NotifyPortfolio(Fill? fill)
    {
        var update = Lifecycle.ToUpdate(Clock.GetUtcNow(), fill);
        _ = GrainFactory.GetGrain<IPortfolioGrain>(update.PortfolioId).OnOrderUpdateAsync(update);
    }

    /// <summary>
    /// A broker call that fails leaves the order as it is (submitted, or waiting for a cancel): the outcome at the broker
    /// is unknown, and guessing would risk a second order. Reconciliation with the broker settles it.
    /// </summary>
    private async Task SendAsync(Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (Exception e)
        {
            Log.BrokerCallFailed(logger, e, what, state.State.Request!.ClientOrderId, broker.Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "order {ClientOrderId} of portfolio {PortfolioId} denied: {Code}: {Reason}")]
        public static partial void OrderDenied(ILogger logger, string clientOrderId, string portfolioId, string code, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "order {ClientOrderId} found at broker {Broker} as {BrokerOrderId} was not placed here; adopted into portfolio {PortfolioId} as external")]
        public static partial void OrderAdopted(ILogger logger, string clientOrderId, string portfolioId, string broker, string brokerOrderId);

        [LoggerMessage(Level = LogLevel.Debug, Message = "order {ClientOrderId}: execution {ExecutionId} already applied; duplicate ignored")]
        public static partial void DuplicateExecution(ILogger logger, string clientOrderId, string? executionId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "order {ClientOrderId}: report '{Reported}' refused in status '{Status}': {Refusal}")]
        public static partial void ReportRefused(ILogger logger, string clientOrderId, OrderStatus reported, OrderStatus status, string? refusal);

        [LoggerMessage(Level = LogLevel.Error, Message = "{What} of order {ClientOrderId} at broker {Broker} failed; the order stays as it is until reconciled")]
        public static partial void BrokerCallFailed(ILogger logger, Exception exception, string what, string clientOrderId, string broker);
    }
}

using Meridian.Brokers.Alpaca.Rest;
using Meridian.Brokers.Alpaca.Wire;
using Meridian.Grains;
using Meridian.Grains.Brokers;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Runtime;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.Orders;

/// <summary>
/// One order at Alpaca (see <see cref="IAlpacaOrderGrain"/>). Submission follows one rule: the journal says what is
/// about to happen before it happens, and an order whose fate is unknown is looked up by its client order id before it
/// is ever sent again. Alpaca refuses a second order under a client order id, so even a lookup that misses a slow
/// submission cannot make a second order: the resend comes back 422 "must be unique", which means the first one landed.
/// </summary>
public sealed partial class AlpacaOrderGrain(
    [PersistentState("alpaca-order", TradingStorage.Name)] IPersistentState<AlpacaOrderState> state,
    AlpacaTradingClient alpaca,
    ILogger<AlpacaOrderGrain> logger) : Grain, IAlpacaOrderGrain
{
    /// <summary>How many sends one settling round allows before the order is left for reconciliation.</summary>
    public const int MaxAttempts = 3;

    private AlpacaOrderState State => state.State;

    private string AlpacaClientOrderId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task RecordAsync(OrderRequest request, string? replacesClientOrderId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State.Submission != AlpacaSubmission.None)
            return;
        State.ClientOrderId = request.ClientOrderId;
        State.PortfolioId = request.PortfolioId;
        State.Request = request;
        State.ReplacesClientOrderId = replacesClientOrderId;
        State.Submission = AlpacaSubmission.Pending;
        await state.WriteStateAsync();
        await Registry.TrackAsync(AlpacaClientOrderId);
    }

    /// <inheritdoc />
    public async Task SendAsync()
    {
        while (State.Submission == AlpacaSubmission.Pending)
        {
            State.Submission = AlpacaSubmission.Sending;
            State.Attempts++;
            await state.WriteStateAsync();
            try
            {
                var placed = State.ReplacesClientOrderId is { } replaces
                    ? await alpaca.ReplaceOrderAsync(await AlpacaIdOfAsync(replaces), AlpacaOrderRequests.Replace(State.Request!))
                    : await alpaca.SubmitOrderAsync(AlpacaOrderRequests.Submit(State.Request!));
                if (placed is null)
                {
                    State.Submission = AlpacaSubmission.DryRun;
                    await state.WriteStateAsync();
                    return;
                }
                await ApplyAsync(placed, execution: null);
            }
            catch (AlpacaApiException e)
            {
                await SendFailedAsync(e);
            }
        }
    }

    /// <inheritdoc />
    public async Task CancelAsync()
    {
        switch (State.Submission)
        {
            case AlpacaSubmission.Pending or AlpacaSubmission.DryRun:
                State.Submission = State.Submission == AlpacaSubmission.DryRun ? AlpacaSubmission.DryRun : AlpacaSubmission.CanceledUnsent;
                await ReportAsync(new ExecutionReport(State.ClientOrderId!, OrderStatus.Canceled, Clock.GetUtcNow(),
                    Reason: State.Submission == AlpacaSubmission.DryRun ? "dry run: nothing was sent to Alpaca" : "canceled before it was sent to Alpaca"));
                await Registry.UntrackAsync(AlpacaClientOrderId);
                return;
            case AlpacaSubmission.None or AlpacaSubmission.Refused or AlpacaSubmission.CanceledUnsent:
                return;
        }
        var id = State.AlpacaOrderId ?? (await alpaca.GetOrderByClientOrderIdAsync(AlpacaClientOrderId))?.Id;
        if (id is null)
        {
            Log.CancelUnknown(logger, AlpacaClientOrderId);
            return;
        }
        try
        {
            await alpaca.CancelOrderAsync(id);
        }
        catch (AlpacaApiException e) when (e.Kind is AlpacaErrorKind.Validation or AlpacaErrorKind.NotFound)
        {
            // Not cancelable any more (filled, or ending anyway): what it is now settles the platform order.
            Log.CancelRefused(logger, AlpacaClientOrderId, e.Message);
            await RestateAsync(id);
        }
    }

    /// <inheritdoc />
    public async Task LinkAsync(string clientOrderId, string portfolioId, string alpacaOrderId)
    {
        if (State.ClientOrderId is not null)
            return;
        State.ClientOrderId = clientOrderId;
        State.PortfolioId = portfolioId;
        State.AlpacaOrderId = alpacaOrderId;
        State.Submission = AlpacaSubmission.Observed;
        await state.WriteStateAsync();
        await Registry.TrackAsync(AlpacaClientOrderId);
    }

    /// <inheritdoc />
    public async Task<bool> ObserveAsync(AlpacaOrder order, AlpacaFillEvent? execution)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (State.ClientOrderId is null)
            return false;
        await ApplyAsync(order, execution);
        return true;
    }

    /// <inheritdoc />
    public async Task ResolveAsync()
    {
        switch (State.Submission)
        {
            case AlpacaSubmission.Pending:
                await SendAsync();
                return;
            case AlpacaSubmission.Sending or AlpacaSubmission.Unknown:
                State.Attempts = 0;
                await LookUpAsync(sendIfMissing: State.ReplacesClientOrderId is null);
                await SendAsync();
                return;
            case AlpacaSubmission.Landed or AlpacaSubmission.Observed when State.AlpacaOrderId is { } id:
                await RestateAsync(id);
                await ResendMissedFillsAsync();
                return;
        }
    }

    /// <inheritdoc />
    public Task<AlpacaOrderView?> GetAsync() => Task.FromResult(State.Submission == AlpacaSubmission.None && State.ClientOrderId is null
        ? null
        : new AlpacaOrderView(AlpacaClientOrderId, State.ClientOrderId, State.AlpacaOrderId, State.Submission, State.AlpacaStatus, State.Fills.Sum(f => f.Quantity)));

    private IAlpacaOrderRegistryGrain Registry => GrainFactory.GetGrain<IAlpacaOrderRegistryGrain>(IAlpacaOrderRegistryGrain.Key);

    private async Task SendFailedAsync(AlpacaApiException e)
    {
        switch (e.Kind)
        {
            case AlpacaErrorKind.DuplicateClientOrderId:
                // An order under this id exists: an earlier attempt landed.
                Log.AlreadyLanded(logger, AlpacaClientOrderId);
                await LookUpAsync(sendIfMissing: false);
                return;
            case AlpacaErrorKind.RateLimited:
                // Still limited after waiting out several resets: Alpaca did not take it. Reconciliation looks it up and sends it later.
                Log.LeftForReconciliation(logger, e, AlpacaClientOrderId);
                State.Submission = AlpacaSubmission.Unknown;
                await state.WriteStateAsync();
                return;
            case AlpacaErrorKind.ContractMismatch:
                // Alpaca answered, but not in the contract's shape: nothing in the answer is trusted, and nothing is guessed.
                Log.ContractMismatch(logger, e, AlpacaClientOrderId);
                State.Submission = AlpacaSubmission.Unknown;
                await state.WriteStateAsync();
                return;
            case AlpacaErrorKind.NoResponse or AlpacaErrorKind.ServerError:
                Log.OutcomeUnknown(logger, e, AlpacaClientOrderId);
                await LookUpAsync(sendIfMissing: State.ReplacesClientOrderId is null && State.Attempts < MaxAttempts);
                return;
            default:
                // Refused: 401, 403 (buying power, shares, day trading) or 422. The order is not at Alpaca.
                State.Submission = AlpacaSubmission.Refused;
                await state.WriteStateAsync();
                await ReportAsync(new ExecutionReport(State.ClientOrderId!, OrderStatus.Rejected, Clock.GetUtcNow(), Reason: $"Alpaca: {e.Message}"));
                if (State.ReplacesClientOrderId is { } replaced)
                    await GrainFactory.GetGrain<IAlpacaOrderGrain>(AlpacaClientOrderIds.For(replaced)).ResolveAsync();
                await Registry.UntrackAsync(AlpacaClientOrderId);
                return;
        }
    }

    /// <summary>Asks Alpaca for the order by client order id: found, it landed; not found, it is sent again if allowed, else left for reconciliation.</summary>
    private async Task LookUpAsync(bool sendIfMissing)
    {
        AlpacaOrder? found;
        try
        {
            found = await alpaca.GetOrderByClientOrderIdAsync(AlpacaClientOrderId);
        }
        catch (AlpacaApiException e)
        {
            Log.LeftForReconciliation(logger, e, AlpacaClientOrderId);
            State.Submission = AlpacaSubmission.Unknown;
            await state.WriteStateAsync();
            return;
        }
        if (found is not null)
        {
            await ApplyAsync(found, execution: null);
            return;
        }
        State.Submission = sendIfMissing ? AlpacaSubmission.Pending : AlpacaSubmission.Unknown;
        await state.WriteStateAsync();
    }

    private async Task RestateAsync(string alpacaOrderId)
    {
        try
        {
            if (await alpaca.GetOrderAsync(alpacaOrderId) is { } now)
            {
                State.ReportedStatus = null;
                await ApplyAsync(now, execution: null);
            }
        }
        catch (AlpacaApiException e)
        {
            Log.LeftForReconciliation(logger, e, AlpacaClientOrderId);
        }
    }

    /// <summary>The platform order has fewer fills than were reported to it (a one-way report lost in a crash): send them all again.</summary>
    private async Task ResendMissedFillsAsync()
    {
        if (State.Fills.Count == 0)
            return;
        var platform = await GrainFactory.GetGrain<IOrderGrain>(State.ClientOrderId!).GetAsync();
        if (platform is not null && platform.FilledQuantity.Value < State.Fills.Sum(f => f.Quantity))
            ExecutionReports.Deliver(GrainFactory, AlpacaOrderReports.Resend(State));
    }

    private async Task ApplyAsync(AlpacaOrder order, AlpacaFillEvent? execution)
    {
        if (State.Submission is AlpacaSubmission.Pending or AlpacaSubmission.Sending or AlpacaSubmission.Unknown or AlpacaSubmission.DryRun)
            State.Submission = AlpacaSubmission.Landed;
        if (order.Legs is { Count: > 0 } legs && State.Request is { Class: not OrderClass.Simple } parent)
            await LinkLegsAsync(parent, legs);
        var reports = AlpacaOrderReports.From(State, order, execution, Clock.GetUtcNow());
        // The journal first: a crash after this write resends from the outbox; before it, the same snapshot comes again.
        await state.WriteStateAsync();
        ExecutionReports.Deliver(GrainFactory, reports);
        var status = AlpacaStatuses.ToOrderStatus(order.Status);
        if (status is null)
            Log.UnknownStatus(logger, AlpacaClientOrderId, order.Status);
        else if (status.Value.IsTerminal())
            await Registry.UntrackAsync(AlpacaClientOrderId);
    }

    /// <summary>Links the legs Alpaca made for a bracket, OCO or OTO order to the platform's legs: the limit leg is the take-profit, the stop leg the stop-loss.</summary>
    private async Task LinkLegsAsync(OrderRequest parent, IReadOnlyList<AlpacaOrder> legs)
    {
        foreach (var leg in legs)
        {
            var platformLeg = leg.Type == "limit" ? OrderLegs.TakeProfitId(parent.ClientOrderId) : OrderLegs.StopLossId(parent.ClientOrderId);
            var grain = GrainFactory.GetGrain<IAlpacaOrderGrain>(leg.ClientOrderId!);
            await grain.LinkAsync(platformLeg, parent.PortfolioId, leg.Id!);
            await grain.ObserveAsync(leg, execution: null);
        }
    }

    private async Task<string> AlpacaIdOfAsync(string clientOrderId)
    {
        var original = GrainFactory.GetGrain<IAlpacaOrderGrain>(AlpacaClientOrderIds.For(clientOrderId));
        if ((await original.GetAsync())?.AlpacaOrderId is { } id)
            return id;
        return (await alpaca.GetOrderByClientOrderIdAsync(AlpacaClientOrderIds.For(clientOrderId)))?.Id
            ?? throw new AlpacaApiException(AlpacaErrorKind.NotFound, "PATCH /v2/orders/{order_id}", $"order '{clientOrderId}' to replace is not at Alpaca");
    }

    private Task ReportAsync(ExecutionReport report)
    {
        ExecutionReports.Deliver(GrainFactory, [report]);
        return state.WriteStateAsync();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "order {AlpacaClientOrderId}: the outcome at Alpaca is unknown; looking it up by client order id before anything is sent again")]
        public static partial void OutcomeUnknown(ILogger logger, Exception exception, string alpacaClientOrderId);

        [LoggerMessage(Level = LogLevel.Information, Message = "order {AlpacaClientOrderId}: Alpaca already has it (client_order_id must be unique); an earlier attempt landed")]
        public static partial void AlreadyLanded(ILogger logger, string alpacaClientOrderId);

        [LoggerMessage(Level = LogLevel.Error, Message = "order {AlpacaClientOrderId}: left pending for reconciliation")]
        public static partial void LeftForReconciliation(ILogger logger, Exception exception, string alpacaClientOrderId);

        [LoggerMessage(Level = LogLevel.Error, Message = "order {AlpacaClientOrderId}: Alpaca's answer breaks its contract; the order is left pending for reconciliation")]
        public static partial void ContractMismatch(ILogger logger, Exception exception, string alpacaClientOrderId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "order {AlpacaClientOrderId}: cancel refused by Alpaca ({Reason}); reading the order's status")]
        public static partial void CancelRefused(ILogger logger, string alpacaClientOrderId, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "order {AlpacaClientOrderId}: cannot cancel, Alpaca has no such order (yet); reconciliation will settle it")]
        public static partial void CancelUnknown(ILogger logger, string alpacaClientOrderId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "order {AlpacaClientOrderId}: Alpaca status '{Status}' is not known; the order is left as it is")]
        public static partial void UnknownStatus(ILogger logger, string alpacaClientOrderId, string? status);
    }
}

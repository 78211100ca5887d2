using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Grains.Positions;
using Meridian.Grains.Risk;
using Microsoft.Extensions.Logging;

namespace Meridian.Grains.Portfolios;

/// <summary>What flows into a portfolio after submission: order updates, fills and prices, and the limits they can breach.</summary>
public sealed partial class PortfolioGrain
{
    /// <inheritdoc />
    public async Task OnOrderUpdateAsync(OrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!state.State.Opened || update.PortfolioId != Id)
            return;
        var now = Clock.GetUtcNow();
        Account.RollDay(now);
        if (!state.State.OpenOrders.TryGetValue(update.ClientOrderId, out var order))
        {
            if (state.State.RecoveredClosedOrders.Remove(update.ClientOrderId, out var applied))
            {
                // Closed by recovery while this update was on its way: its fills are in, unless this one is new.
                if (update.Fill is { } late && await ApplyFillAsync(update.ClientOrderId, EntryOf(update, applied), late))
                    Account.RecordEquity(now);
                await WriteAsync();
                activity.OrderUpdateApplied(update);
                return;
            }
            if (update.Status.IsTerminal() && update.Fill is null)
                return;
            // An order this portfolio did not record (a leg, or one whose submission a crash cut short) is adopted, never ignored.
            order = EntryOf(update);
            Account.AddOpenOrder(update.ClientOrderId, order);
            await WatchAsync(update.Symbol);
        }
        var changed = false;
        if (update.Fill is { } fill)
            changed = await ApplyFillAsync(update.ClientOrderId, order, fill);
        Account.SetFilled(order, update.FilledQuantity.Value);
        if (update.Status.IsTerminal())
        {
            Account.RemoveOpenOrder(update.ClientOrderId);
            changed = true;
        }
        if (changed)
        {
            Account.RecordEquity(now);
            EnforceBreaches(now);
            await WriteAsync();
        }
        activity.OrderUpdateApplied(update);
    }

    /// <inheritdoc />
    public async Task OnPriceAsync(LastPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        if (!state.State.Opened)
            return;
        var now = Clock.GetUtcNow();
        var newDay = DateOnly.FromDateTime(now.UtcDateTime) != state.State.Day;
        Account.RollDay(now);
        // An unchanged price changes nothing, unless the day has no equity point yet: the daily curve has one per day.
        if (!Account.Mark(price) && !newDay && Account.HasEquityPointOn(now))
            return;
        Account.RecordEquity(now);
        // Marks are frequent and come back from the Last-price grains after a crash (see OnActivateAsync), so one is
        // written at once only when it changes the trading state or starts a day; the rest when the grain deactivates.
        if (EnforceBreaches(now) || newDay)
            await WriteAsync();
        else
            _unwrittenMarks = true;
    }

    /// <summary>Takes the latest price of every watched symbol: marks a crash lost are back before the first order.</summary>
    private async Task RefreshMarksAsync()
    {
        foreach (var symbol in state.State.WatchedSymbols.ToList())
        {
            if (await GrainFactory.GetGrain<ILastPriceGrain>(symbol).GetAsync() is { } price)
                Account.Mark(price);
        }
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        _unwrittenMarks = false;
    }

    /// <summary>Applies a fill to the position and the cash once; returns false when it was applied before.</summary>
    private async Task<bool> ApplyFillAsync(string clientOrderId, OpenOrderEntry order, Fill fill)
    {
        if (!order.AppliedExecutionIds.Add(fill.ExecutionId))
            return false;
        var position = await Position(order.Symbol).ApplyFillAsync(
            new PositionFill(fill.ExecutionId, clientOrderId, order.Side, fill.Quantity, fill.Price, fill.Commission, fill.Time));
        Account.ApplyFill(order.Side, fill, position);
        return true;
    }

    /// <summary>Moves the kill switch when today's loss or the drawdown reaches its limit; returns whether it moved.</summary>
    private bool EnforceBreaches(DateTimeOffset now)
    {
        if (RiskBreaches.Evaluate(Account.DayPnl, Account.Drawdown, state.State.Limits, state.State.TradingState) is not { } breach)
            return false;
        AddEvent(breach.Kind == RiskBreachKind.DailyLossLimit
            ? new DailyLossLimitBreached(Id, now, breach.Value, breach.Limit)
            : new MaxDrawdownBreached(Id, now, breach.Value, breach.Limit));
        ChangeTradingState(breach.NewState, breach.Message, now);
        return true;
    }

    /// <summary>
    /// After a restart, the portfolio asks each order it counted as open for its fills: a fill whose one-way report was
    /// lost in the crash is applied now (the Position grain ignores one it already has).
    /// </summary>
    private async Task RecoverOpenOrdersAsync()
    {
        var now = Clock.GetUtcNow();
        state.State.RecoveredClosedOrders.Clear();
        foreach (var (clientOrderId, order) in state.State.OpenOrders.ToList())
        {
            var history = await GrainFactory.GetGrain<IOrderGrain>(clientOrderId).GetHistoryAsync();
            foreach (var fill in history.Select(FillOf).OfType<Fill>())
                await ApplyFillAsync(clientOrderId, order, fill);
            var snapshot = await GrainFactory.GetGrain<IOrderGrain>(clientOrderId).GetAsync();
            if (snapshot is null || snapshot.Status.IsTerminal())
            {
                Account.RemoveOpenOrder(clientOrderId);
                state.State.RecoveredClosedOrders[clientOrderId] = order.AppliedExecutionIds;
            }
            else
                Account.SetFilled(order, snapshot.FilledQuantity.Value);
        }
        Account.RecordEquity(now);
        await WriteAsync();
    }

    /// <summary>The entry of an order known only from its update (adopted, or closed by recovery with <paramref name="applied"/> fills).</summary>
    private static OpenOrderEntry EntryOf(OrderUpdate update, HashSet<string>? applied = null) =>
        new() { Symbol = update.Symbol, Side = update.Side, Quantity = update.OrderQuantity.Value, AppliedExecutionIds = applied ?? [] };

    private static Fill? FillOf(OrderEvent e) => e switch
    {
        OrderPartiallyFilled partial => partial.Fill,
        OrderFilled filled => filled.Fill,
        _ => null,
    };

    private void ChangeTradingState(TradingState to, string reason, DateTimeOffset now)
    {
        var from = state.State.TradingState;
        state.State.TradingState = to;
        state.State.TradingStateReason = reason;
        AddEvent(new TradingStateChanged(Id, now, from, to, reason));
        Log.TradingStateChanged(logger, Id, from, to, reason);
    }

    private void AddEvent(PortfolioEvent e)
    {
        var events = state.State.Events;
        if (events.Count == MaxEvents)
            events.RemoveAt(0);
        events.Add(e);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "portfolio {PortfolioId}: trading state {From} -> {To}: {Reason}")]
        public static partial void TradingStateChanged(ILogger logger, string portfolioId, TradingState from, TradingState to, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "portfolio {PortfolioId}: risk limits changed by {ChangedBy}")]
        public static partial void RiskLimitsChanged(ILogger logger, string portfolioId, string changedBy);

        [LoggerMessage(Level = LogLevel.Warning, Message = "portfolio {PortfolioId}: liquidation ({Reason}): {Canceled} orders canceled, {Closing} closing orders")]
        public static partial void Liquidation(ILogger logger, string portfolioId, string reason, int canceled, int closing);
    }
}

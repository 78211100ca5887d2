using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Exchange;

/// <summary>What one bar does to one order: the fill price, if any, and the trigger and water-mark state after the bar.</summary>
internal readonly record struct BarDecision(BarPrice? Fill, bool Triggered, Price? WaterMark);

/// <summary>
/// Works one bar against the book's orders, in submission order (with the exit-race exception of
/// <see cref="OrderGroups.RaceOrder"/>). For each order: skip it if held or not yet eligible; expire it if its session
/// ended; else decide its fill from the bar, fill what the volume allows, apply group effects, and end what its time in
/// force does not let carry over. Every report of the bar has the bar's open time.
/// </summary>
internal sealed class BarMatching
{
    private readonly SimulatedExchangeState _state;
    private readonly ExchangeRules _rules;
    private readonly ExchangeSessions _sessions;
    private readonly Bar _bar;
    private readonly BarLiquidity _liquidity;
    private readonly List<ExecutionReport> _reports = [];

    private BarMatching(SimulatedExchangeState state, ExchangeRules rules, ExchangeSessions sessions, Bar bar)
    {
        _state = state;
        _rules = rules;
        _sessions = sessions;
        _bar = bar;
        _liquidity = new BarLiquidity(rules.Slippage, bar);
    }

    public static List<ExecutionReport> Run(SimulatedExchangeState state, ExchangeRules rules, ExchangeSessions sessions, Bar bar)
    {
        var matching = new BarMatching(state, rules, sessions, bar);
        var sequence = OrderGroups.RaceOrder(state.Orders, o => matching.CanTrade(o) ? matching.Decide(o).Fill : null);
        foreach (var order in sequence)
        {
            // An earlier order's fill or end may have ended this one (a sibling, a held leg).
            if (order.Status.IsOpen())
                matching.Work(order);
        }
        return matching._reports;
    }

    private bool CanTrade(WorkingOrder order) =>
        order.Status != OrderStatus.Held && _bar.Time >= order.EligibleFrom && !TimeInForceRules.SessionEndedBefore(order, _bar, _sessions);

    private void Work(WorkingOrder order)
    {
        if (order.Status == OrderStatus.Held || _bar.Time < order.EligibleFrom)
            return;
        if (TimeInForceRules.SessionEndedBefore(order, _bar, _sessions))
        {
            OrderGroups.End(_state, order, OrderStatus.Expired, _bar.Time, TimeInForceRules.SessionEndedReason(order), _reports);
            return;
        }
        order.FirstEligibleBarTime ??= _bar.Time;
        var decision = Decide(order);
        order.Triggered = decision.Triggered;
        order.WaterMark = decision.WaterMark;
        if (decision.Fill is { } price)
            Fill(order, price);
        if (order.Status.IsOpen() && TimeInForceRules.EndAfterBar(order, _bar, _sessions) is { } end)
            OrderGroups.End(_state, order, end.Status, _bar.Time, end.Reason, _reports);
    }

    /// <summary>Pure: what the bar would do to the order, from its type, time in force and state so far.</summary>
    private BarDecision Decide(WorkingOrder order)
    {
        var request = order.Request;
        var side = request.Side;
        switch (request.TimeInForce)
        {
            case TimeInForce.Opg:
                return new(FillPriceRules.Auction(side, request.LimitPrice, _bar.Open, atOpen: true), false, null);
            case TimeInForce.Cls:
                var closing = TimeInForceRules.IsClosingBar(order, _bar, _sessions);
                return new(closing ? FillPriceRules.Auction(side, request.LimitPrice, _bar.Close, atOpen: false) : null, false, null);
        }

        switch (request.Type)
        {
            case OrderType.Market:
                return new(FillPriceRules.Market(_bar), false, null);
            case OrderType.Limit:
                return new(FillPriceRules.Limit(side, request.LimitPrice!.Value, _bar), false, null);
            case OrderType.Stop:
                var stopFill = order.Triggered ? FillPriceRules.Market(_bar) : FillPriceRules.Stop(side, request.StopPrice!.Value, _bar);
                return new(stopFill, order.Triggered || stopFill is not null, null);
            case OrderType.StopLimit:
                if (order.Triggered)
                    return new(FillPriceRules.Limit(side, request.LimitPrice!.Value, _bar), true, null);
                var (triggered, stopLimitFill) = FillPriceRules.StopLimit(side, request.StopPrice!.Value, request.LimitPrice!.Value, _bar);
                return new(stopLimitFill, triggered, null);
            case OrderType.TrailingStop:
                if (order.Triggered)
                    return new(FillPriceRules.Market(_bar), true, order.WaterMark);
                var (mark, trailingFill) = TrailingStopRules.Work(request, order.WaterMark, _bar);
                return new(trailingFill, trailingFill is not null, mark);
            default:
                throw new InvalidOperationException($"order type {request.Type} has no fill rule");
        }
    }

    private void Fill(WorkingOrder order, BarPrice price)
    {
        var quantity = _liquidity.Available(order);
        // Fill or kill: a fill short of the remainder is no fill; the order is then canceled by its time in force.
        if (quantity.IsZero || (order.Request.TimeInForce == TimeInForce.Fok && quantity < order.RemainingQuantity))
            return;
        var fillPrice = _liquidity.PriceOf(order, price.Price, quantity);
        _liquidity.Take(quantity);
        order.FilledQuantity += quantity;
        order.ExecutionCount++;
        var fill = new Fill($"{order.BrokerOrderId}-{order.ExecutionCount}", quantity, fillPrice, _rules.Commission.For(quantity, fillPrice), _bar.Time);
        if (order.RemainingQuantity.IsZero)
        {
            order.Status = OrderStatus.Filled;
            _state.Orders.Remove(order);
        }
        else
        {
            order.Status = OrderStatus.PartiallyFilled;
        }
        _reports.Add(ExecutionReports.Filled(order, fill));
        OrderGroups.OnFilled(_state, order, _bar.Time, _bar.End, _reports);
    }
}

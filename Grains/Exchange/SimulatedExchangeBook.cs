using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Exchange;

/// <summary>
/// The simulated exchange's matching engine for one symbol: takes orders, cancels and replaces, and fills working
/// orders from bars. Pure and deterministic: time comes in as arguments, orders are worked in submission order, ids
/// come from a counter in the state. Every call returns the execution reports to deliver, in order. The rules are
/// docs/simulated-exchange.md.
/// </summary>
public sealed class SimulatedExchangeBook
{
    private readonly ExchangeRules _rules;
    private readonly SimulatedExchangeState _state;
    private readonly ExchangeSessions _sessions;

    /// <summary>A book for <paramref name="symbol"/> working on <paramref name="state"/> (new or restored); throws <see cref="InvalidInputException"/> for invalid rules.</summary>
    public SimulatedExchangeBook(Symbol symbol, ExchangeRules rules, SimulatedExchangeState state)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(state);
        Symbol = symbol;
        _rules = rules.EnsureValid();
        _state = state;
        _sessions = new ExchangeSessions(rules.SessionClose, TimeZoneInfo.FindSystemTimeZoneById(rules.SessionTimeZone));
    }

    /// <summary>The symbol this book trades.</summary>
    public Symbol Symbol { get; }

    /// <summary>
    /// Accepts an order at <paramref name="now"/>: <see cref="OrderStatus.New"/> for the order, then one report per exit
    /// leg (<see cref="OrderStatus.Held"/> for bracket and OTO exits, <see cref="OrderStatus.New"/> for an OCO's
    /// stop-loss). An invalid order, one for another symbol, or one whose id is already working is
    /// <see cref="OrderStatus.Rejected"/> with every reason.
    /// </summary>
    public IReadOnlyList<ExecutionReport> Submit(OrderRequest order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (OrderAdmission.CheckSubmission(order, Symbol, _state) is { Count: > 0 } errors)
            return [ExecutionReports.Rejected(order.ClientOrderId, now, errors)];
        var groupId = order.Class == OrderClass.Simple ? null : order.ClientOrderId;
        var reports = new List<ExecutionReport>();
        foreach (var (request, role, status) in OrderGroups.Members(order))
            reports.Add(ExecutionReports.Status(Accept(request, role, status, groupId, now), status, now));
        return reports;
    }

    /// <summary>
    /// Cancels a working or held order and every other working member of its group; empty when the id is unknown or the
    /// order is already final (filled, canceled, expired, replaced).
    /// </summary>
    public IReadOnlyList<ExecutionReport> Cancel(string clientOrderId, DateTimeOffset now)
    {
        if (_state.Find(clientOrderId) is not { } order)
            return [];
        var reports = new List<ExecutionReport>();
        OrderGroups.CancelWithGroup(_state, order, now, reports);
        return reports;
    }

    /// <summary>
    /// Replaces a working simple order with <paramref name="replacement"/> (a new client order id, same symbol, side and
    /// type; a fresh order for its own qty: what the old order filled stays the old order's). Returns <see cref="OrderStatus.Replaced"/>
    /// for the old order, whose <see cref="ExecutionReport.Reason"/> is the new client order id, then
    /// <see cref="OrderStatus.New"/> for the new one. Otherwise the old order is untouched and the replacement is
    /// <see cref="OrderStatus.Rejected"/> with every reason.
    /// </summary>
    public IReadOnlyList<ExecutionReport> Replace(string clientOrderId, OrderRequest replacement, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (_state.Find(clientOrderId) is not { } old)
            return [ExecutionReports.Rejected(replacement.ClientOrderId, now, [new("client_order_id", $"'{clientOrderId}' is not working here (unknown, or already final); nothing to replace")])];
        if (OrderAdmission.CheckReplacement(old, replacement, Symbol, _state) is { Count: > 0 } errors)
            return [ExecutionReports.Rejected(replacement.ClientOrderId, now, errors)];
        old.Status = OrderStatus.Replaced;
        _state.Orders.Remove(old);
        var replacing = Accept(replacement, OrderRole.Standalone, OrderStatus.New, groupId: null, now);
        return
        [
            ExecutionReports.Status(old, OrderStatus.Replaced, now, replacement.ClientOrderId),
            ExecutionReports.Status(replacing, OrderStatus.New, now),
        ];
    }

    /// <summary>
    /// Works a bar: expiries, fills, triggers, leg activations and sibling cancels, all timed at the bar's open time.
    /// Bars must come in time order; a bar at or before the last one worked is a redelivery and returns nothing.
    /// Throws <see cref="ArgumentException"/> for another symbol's bar and <see cref="InvalidInputException"/> for an
    /// inconsistent one (high below low, open or close; non-positive period; negative volume).
    /// </summary>
    public IReadOnlyList<ExecutionReport> OnBar(Bar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        if (bar.Symbol != Symbol)
            throw new ArgumentException($"bar for '{bar.Symbol}' sent to the book of '{Symbol}'", nameof(bar));
        if (BarErrors(bar) is { Count: > 0 } errors)
            throw new InvalidInputException($"bar {bar.Symbol} at {bar.Time:O}", errors);
        if (_state.LastBarTime is { } last && bar.Time <= last)
            return [];
        _state.LastBarTime = bar.Time;
        return BarMatching.Run(_state, _rules, _sessions, bar);
    }

    /// <summary>
    /// The price at which a working stop, stop-limit or trailing stop triggers (a trailing stop's as of the bars so far;
    /// null before its first bar); null for other orders and unknown ids.
    /// </summary>
    public Price? CurrentStop(string clientOrderId) => _state.Find(clientOrderId) switch
    {
        { Request.Type: OrderType.TrailingStop, WaterMark: { } mark } order => TrailingStopRules.StopFor(order.Request, mark),
        { Request.Type: OrderType.Stop or OrderType.StopLimit } order => order.Request.StopPrice,
        _ => null,
    };

    private WorkingOrder Accept(OrderRequest request, OrderRole role, OrderStatus status, string? groupId, DateTimeOffset now)
    {
        var order = new WorkingOrder
        {
            Request = request,
            Number = ++_state.LastOrderNumber,
            Status = status,
            Role = role,
            GroupId = groupId,
            AcceptedAt = now,
            EligibleFrom = now,
        };
        _state.Orders.Add(order);
        return order;
    }

    private static List<FieldError> BarErrors(Bar bar)
    {
        var errors = new List<FieldError>();
        if (bar.Period <= TimeSpan.Zero)
            errors.Add(new("period", $"{bar.Period} is not positive"));
        if (bar.High < bar.Low || bar.High < bar.Open || bar.High < bar.Close)
            errors.Add(new("high", $"{bar.High} is below the low, open or close"));
        if (bar.Low > bar.Open || bar.Low > bar.Close)
            errors.Add(new("low", $"{bar.Low} is above the open or close"));
        if (bar.Volume < 0m)
            errors.Add(new("volume", $"{bar.Volume} is negative"));
        return errors;
    }
}

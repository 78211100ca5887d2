using Meridian.Grains.Domain;
using static Meridian.Grains.Domain.OrderStatus;

namespace Meridian.Grains.Orders;

/// <summary>
/// Decides one order's life over its <see cref="OrderState"/>. It records the submission or denial, applies broker reports
/// through <see cref="OrderStateMachine"/>, refuses duplicates, overfills and illegal moves, and answers snapshots.
/// Every change is an <see cref="OrderEvent"/> appended to <see cref="OrderState.Events"/>.
/// </summary>
/// <remarks>
/// Pure: the caller passes the time in (a report carries its own), and nothing here logs, stores or reads a clock.
/// The Order grain wraps it and persists <see cref="State"/>.
/// </remarks>
public sealed partial class OrderLifecycle
{
    /// <summary>Wraps the state of the order <paramref name="clientOrderId"/>. The state is empty when the id is new.</summary>
    /// <exception cref="ArgumentException">The state holds a request under another id.</exception>
    public OrderLifecycle(string clientOrderId, OrderState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Request is { } recorded && recorded.ClientOrderId != clientOrderId)
            throw new ArgumentException($"the state holds order '{recorded.ClientOrderId}', not '{clientOrderId}'", nameof(state));
        ClientOrderId = clientOrderId;
        State = state;
    }

    /// <summary>The order's id.</summary>
    public string ClientOrderId { get; }

    /// <summary>The state this lifecycle changes. The grain persists it after each change.</summary>
    public OrderState State { get; }

    /// <summary>True once a request is recorded, whether submitted or denied.</summary>
    public bool Exists => State.Request is not null;

    private OrderRequest Request => State.Request ?? throw new InvalidOperationException(
        $"order '{ClientOrderId}' does not exist: no request is recorded under this id; check Exists first");

    /// <summary>
    /// Null when <paramref name="request"/> equals the recorded request. Otherwise it describes the differing fields as
    /// "field recorded vs requested", e.g. "qty 10 vs 12", for <see cref="OrderConflictException"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No request is recorded.</exception>
    public string? DifferenceFrom(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OrderRequestDifference.Describe(Request, request);
    }

    /// <summary>
    /// Records a new order the risk gate approved. Its status is submitted, or held when it is a leg
    /// (<paramref name="parentClientOrderId"/> given). A bracket, OCO or OTO parent gets the ids of the legs its request has.
    /// </summary>
    /// <exception cref="InvalidOperationException">An order is already recorded under this id (compare with <see cref="DifferenceFrom"/> first).</exception>
    /// <exception cref="InvalidInputException">The request breaks the order rules.</exception>
    public OrderSubmitted Submit(
        OrderRequest request, DateTimeOffset now, string? replacesClientOrderId = null, string? parentClientOrderId = null, bool external = false)
    {
        EnsureFirstRecording(request);
        request.EnsureValid();
        if (replacesClientOrderId == ClientOrderId || parentClientOrderId == ClientOrderId)
            throw new ArgumentException($"order '{ClientOrderId}' cannot replace itself or be its own leg");

        State.Request = request;
        State.CreatedAt = now;
        State.ReplacesClientOrderId = replacesClientOrderId;
        State.ParentClientOrderId = parentClientOrderId;
        State.External = external;
        if (request.Class != OrderClass.Simple)
        {
            if (request.TakeProfit is not null)
                State.LegClientOrderIds.Add(OrderLegs.TakeProfitId(ClientOrderId));
            if (request.StopLoss is not null)
                State.LegClientOrderIds.Add(OrderLegs.StopLossId(ClientOrderId));
        }
        return Record(new OrderSubmitted(ClientOrderId, now, request, replacesClientOrderId, parentClientOrderId, external));
    }

    /// <summary>Records an order the risk gate refused with a coded <paramref name="reason"/>. It is never sent, and it ends denied.</summary>
    /// <exception cref="InvalidOperationException">An order is already recorded under this id.</exception>
    public OrderDenied Deny(OrderRequest request, string code, string reason, DateTimeOffset now)
    {
        EnsureFirstRecording(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);

        // Not validated: a request that breaks the order rules is one of the things the gate denies.
        State.Request = request;
        State.CreatedAt = now;
        State.DenialCode = code;
        State.StatusReason = reason;
        return Record(new OrderDenied(ClientOrderId, now, request, code, reason));
    }

    /// <summary>
    /// Throws unless a cancel may be sent now. An order can be canceled from every status that may move to pending_cancel.
    /// That excludes the end statuses, pending_cancel (a cancel is already under way) and pending_replace (Alpaca refuses it).
    /// </summary>
    /// <exception cref="OrderStateException">The order does not exist, or its status allows no cancel.</exception>
    public void EnsureCancelable()
    {
        if (!Exists)
            throw new OrderStateException($"order '{ClientOrderId}' does not exist and cannot be canceled");
        if (OrderStateMachine.CanTransition(State.Status, PendingCancel))
            return;
        var status = WireName.Of(State.Status);
        throw new OrderStateException(State.Status switch
        {
            PendingCancel => $"order '{ClientOrderId}' is pending_cancel: a cancel is already under way",
            PendingReplace => $"order '{ClientOrderId}' is pending_replace: the broker refuses cancels until the replace is answered; cancel after that",
            _ => $"order '{ClientOrderId}' is {status} and can no longer be canceled",
        });
    }

    /// <summary>
    /// Starts replacing the order with <paramref name="newClientOrderId"/>: it links the two and moves this order to
    /// pending_replace. Allowed from new, partially_filled, done_for_day and held. Alpaca refuses a replace in accepted,
    /// pending_new, pending_cancel and pending_replace, and a suspended order must resume first.
    /// </summary>
    /// <exception cref="OrderStateException">The order does not exist, or its status allows no replace.</exception>
    public OrderStatusChanged BeginReplace(string newClientOrderId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newClientOrderId);
        if (newClientOrderId == ClientOrderId)
            throw new ArgumentException($"a replacement of order '{ClientOrderId}' needs a new client order id", nameof(newClientOrderId));
        if (!Exists)
            throw new OrderStateException($"order '{ClientOrderId}' does not exist and cannot be replaced");
        if (!OrderStateMachine.CanTransition(State.Status, PendingReplace))
            throw new OrderStateException(ReplaceRefusal());

        State.ReplacedByClientOrderId = newClientOrderId;
        return Record(new OrderStatusChanged(ClientOrderId, now, PendingReplace));
    }

    /// <summary>The order as it stands.</summary>
    /// <exception cref="InvalidOperationException">No request is recorded.</exception>
    public OrderSnapshot ToSnapshot() => new(
        Request,
        State.Status,
        State.FilledQuantity,
        AverageFillPrice(),
        State.Commission,
        State.CreatedAt,
        State.UpdatedAt,
        State.BrokerOrderId,
        State.ReplacesClientOrderId,
        State.ReplacedByClientOrderId,
        State.ParentClientOrderId,
        State.LegClientOrderIds.Count > 0 ? [.. State.LegClientOrderIds] : null,
        State.DenialCode,
        State.StatusReason,
        State.OverfillFlagged,
        State.External);

    /// <summary>What the order's portfolio is told after a change at <paramref name="time"/>, with the <paramref name="fill"/> that caused it, if any.</summary>
    /// <exception cref="InvalidOperationException">No request is recorded.</exception>
    public OrderUpdate ToUpdate(DateTimeOffset time, Fill? fill) => new(
        ClientOrderId,
        Request.PortfolioId,
        Request.Symbol,
        Request.Side,
        State.Status,
        Request.Quantity,
        State.FilledQuantity,
        time,
        fill);

    private void EnsureFirstRecording(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ClientOrderId != ClientOrderId)
            throw new ArgumentException($"request '{request.ClientOrderId}' was given to order '{ClientOrderId}'", nameof(request));
        if (Exists)
            throw new InvalidOperationException(
                $"order '{ClientOrderId}' is already recorded; use DifferenceFrom to tell a repeat of the same request from a conflict");
    }

    private string ReplaceRefusal()
    {
        var status = WireName.Of(State.Status);
        return State.Status switch
        {
            _ when State.Status.IsTerminal() => $"order '{ClientOrderId}' is {status} and can no longer be replaced",
            PendingCancel or PendingReplace => $"order '{ClientOrderId}' is {status}: wait until the broker answers that request, then replace",
            Suspended => $"order '{ClientOrderId}' is suspended and not eligible for trading; replace it after it resumes, or cancel it",
            _ => $"order '{ClientOrderId}' is {status}: the broker accepts a replace only once the order is working (new); retry then",
        };
    }

    /// <summary>The running average fill price. Null before the first fill.</summary>
    private Price? AverageFillPrice() => State.FilledQuantity.IsZero ? null : AveragePrice(State.FilledNotional, State.FilledQuantity);

    /// <summary>Notional over quantity, rounded to the precision a <see cref="Price"/> allows (30.01 over 3 units is 10.003333333).</summary>
    internal static Price AveragePrice(decimal notional, Quantity quantity) =>
        Price.Of(decimal.Round(notional / quantity.Value, Price.MaxDecimals, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Appends an event and moves the status it names. The first event (submitted or denied) sets the status. Every
    /// later status change must be legal in the table. Callers check that first, so a throw here is a bug in this class.
    /// </summary>
    private TEvent Record<TEvent>(TEvent recorded) where TEvent : OrderEvent
    {
        if (recorded.Status is { } next)
        {
            var firstRecording = recorded is OrderSubmitted or OrderDenied;
            if (!firstRecording && !OrderStateMachine.CanTransition(State.Status, next))
                throw new InvalidOperationException($"order '{ClientOrderId}': {State.Status} to {next} is not in the transition table");
            State.Status = next;
        }
        State.Events.Add(recorded);
        State.UpdatedAt = recorded.Time;
        return recorded;
    }
}

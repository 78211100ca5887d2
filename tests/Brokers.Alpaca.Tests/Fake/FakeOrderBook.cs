namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>What an HTTP endpoint answers: a status and a JSON body (null for 204).</summary>
internal readonly record struct FakeResponse(int Status, byte[]? Body, string? CreatedClientOrderId = null)
{
    public static FakeResponse Fail(int status, int code, string message) => new(status, FakeWire.Error(code, message));
}

/// <summary>The query of <c>GET /v2/orders</c>, already checked.</summary>
internal sealed record FakeListQuery(string Status, int Limit, long? After, long? Until, bool Ascending, bool Nested,
    IReadOnlySet<string>? Symbols, string? Side, string? BeforeOrderId, string? AfterOrderId);

/// <summary>
/// The account's orders, positions and cash, behind one lock. Every state change emits its trade update while the
/// lock is held, so events leave in the order things happened (NOTES §1.10 statuses, §2.1 events).
/// </summary>
internal sealed partial class FakeOrderBook
{
    private const decimal DefaultPrice = 100m;

    private readonly Lock _lock = new();
    private readonly List<FakeOrder> _orders = [];
    private readonly Dictionary<string, FakeOrder> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeOrder> _byClientId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _createdByPost = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _postAttempts = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, FakePosition> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _assetIds = new(StringComparer.Ordinal);
    private readonly FakeTradeStream _stream;
    private readonly FakeFaults _faults;
    private readonly long _accountCreatedAt = FakeTime.NowNanos();
    private readonly string _accountId = Guid.NewGuid().ToString();
    private decimal _cash = 1_000_000m;
    private decimal _buyingPower = 1_000_000m;
    private bool _autoAccept = true;
    private bool _autoCancel = true;
    private bool _activateStopLossLeg;

    public FakeOrderBook(FakeTradeStream stream, FakeFaults faults)
    {
        _stream = stream;
        _faults = faults;
    }

    public decimal BuyingPower
    {
        get { lock (_lock) { return _buyingPower; } }
        set { lock (_lock) { _buyingPower = value; } }
    }

    public decimal Cash
    {
        get { lock (_lock) { return _cash; } }
        set { lock (_lock) { _cash = value; } }
    }

    public bool AutoAccept
    {
        get { lock (_lock) { return _autoAccept; } }
        set { lock (_lock) { _autoAccept = value; } }
    }

    public bool AutoCancel
    {
        get { lock (_lock) { return _autoCancel; } }
        set { lock (_lock) { _autoCancel = value; } }
    }

    public bool ActivateStopLossLeg
    {
        get { lock (_lock) { return _activateStopLossLeg; } }
        set { lock (_lock) { _activateStopLossLeg = value; } }
    }

    public void SetPrice(string symbol, decimal price)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        lock (_lock)
        {
            _prices[symbol] = price;
        }
    }

    // ---------------------------------------------------------------- snapshots (control API)

    public FakeOrderView? Order(string clientOrderId)
    {
        lock (_lock)
        {
            return _byClientId.TryGetValue(clientOrderId, out var order) ? order.ToView() : null;
        }
    }

    public IReadOnlyList<FakeOrderView> Orders
    {
        get
        {
            lock (_lock)
            {
                return [.. _orders.Select(o => o.ToView())];
            }
        }
    }

    public IReadOnlyDictionary<string, decimal> Positions
    {
        get
        {
            lock (_lock)
            {
                return _positions.Values.ToDictionary(p => p.Symbol, p => p.Qty, StringComparer.Ordinal);
            }
        }
    }

    public int CreatedCount(string clientOrderId)
    {
        lock (_lock)
        {
            return _createdByPost.GetValueOrDefault(clientOrderId);
        }
    }

    public int PostAttempts(string clientOrderId)
    {
        lock (_lock)
        {
            return _postAttempts.GetValueOrDefault(clientOrderId);
        }
    }

    // ---------------------------------------------------------------- internals (under _lock)

    private IEnumerable<FakeOrder> NewLegs(FakeOrderRequest request, FakeOrder parent)
    {
        if (!request.IsAdvanced)
        {
            yield break;
        }

        // An OCO is itself the exit (its limit order is the take-profit); bracket and OTO legs exit the entry.
        var exitSide = request.OrderClass == "oco" ? request.Side : FakeOrderRequest.Opposite(request.Side);
        if (request.OrderClass != "oco" && request.TakeProfitLimit is { } takeProfit)
        {
            yield return NewLeg(parent, exitSide, FakeLegRole.TakeProfit, "limit", takeProfit, null);
        }

        if (request.StopLossStop is { } stop)
        {
            yield return NewLeg(parent, exitSide, FakeLegRole.StopLoss,
                request.StopLossLimit is null ? "stop" : "stop_limit", request.StopLossLimit, stop);
        }
    }

    private FakeOrder NewLeg(FakeOrder parent, string side, FakeLegRole role, string type, decimal? limitPrice, decimal? stopPrice)
    {
        var now = FakeTime.NowNanos();
        return new FakeOrder
        {
            Id = Guid.NewGuid().ToString(),
            ClientOrderId = NewClientOrderId(),
            Symbol = parent.Symbol,
            AssetId = parent.AssetId,
            Side = side,
            Type = type,
            TimeInForce = parent.TimeInForce,
            OrderClass = parent.OrderClass,
            Qty = parent.Qty,
            LimitPrice = limitPrice,
            StopPrice = stopPrice,
            Status = FakeOrderStatus.Held,
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = now,
            ParentId = parent.Id,
            LegRole = role,
        };
    }

    private void Add(FakeOrder order)
    {
        _orders.Add(order);
        _byId.Add(order.Id, order);
        _byClientId.Add(order.ClientOrderId, order);
    }

    private string NewClientOrderId()
    {
        string id;
        do
        {
            id = Guid.NewGuid().ToString();
        }
        while (_byClientId.ContainsKey(id));

        return id;
    }

    private FakeOrder Find(string clientOrderId) =>
        _byClientId.TryGetValue(clientOrderId, out var order)
            ? order
            : throw new InvalidOperationException($"No order has client_order_id '{clientOrderId}'.");

    private static void RequireOpen(FakeOrder order)
    {
        if (order.IsTerminal)
        {
            throw new InvalidOperationException($"Order '{order.ClientOrderId}' is already {order.Status}.");
        }
    }

    private List<FakeOrder> Legs(FakeOrder parent) => [.. parent.LegIds.Select(id => _byId[id])];

    /// <summary>A held leg may execute once the entry of a bracket/oto has filled; an OCO's stop leg always may.</summary>
    private bool LegIsLive(FakeOrder leg) =>
        leg.ParentId is { } parentId && _byId[parentId] is var parent
        && (parent.OrderClass == "oco" ? !parent.IsTerminal : parent.Status == FakeOrderStatus.Filled);

    private void AfterCompleteFill(FakeOrder order, long now)
    {
        var silent = _faults.SilentSiblingCancel;
        if (order.LegIds.Count > 0)
        {
            if (order.OrderClass == "oco")
            {
                CancelLegs(order, now, emit: !silent);
                return;
            }

            // The entry filled: the take-profit leg goes live; the stop-loss stays held (NOTES §1.10), as does a
            // bracket's stop leg unless ActivateStopLossLeg. An OTO's single leg goes live.
            foreach (var leg in Legs(order).Where(l => l.Status == FakeOrderStatus.Held))
            {
                if (leg.LegRole == FakeLegRole.TakeProfit || order.OrderClass == "oto" || _activateStopLossLeg)
                {
                    SetStatus(leg, FakeOrderStatus.New, now);
                    Emit("new", leg, now, null);
                }
            }
        }
        else if (order.ParentId is { } parentId)
        {
            var parent = _byId[parentId];
            var siblings = parent.OrderClass == "oco" ? [parent] : Legs(parent).Where(l => l != order);
            foreach (var sibling in siblings.Where(s => !s.IsTerminal))
            {
                CancelOne(sibling, now, emit: !silent);
            }
        }
    }

    /// <summary>Cancels an order and every open order of its bracket/oco/oto group.</summary>
    private void CancelGroup(FakeOrder order, long now)
    {
        var root = order.ParentId is { } parentId ? _byId[parentId] : order;
        if (!root.IsTerminal)
        {
            CancelOne(root, now, emit: true);
        }

        CancelLegs(root, now, emit: true);
        if (!order.IsTerminal)
        {
            CancelOne(order, now, emit: true);
        }
    }

    private void CancelLegs(FakeOrder parent, long now, bool emit)
    {
        foreach (var leg in Legs(parent).Where(l => !l.IsTerminal))
        {
            CancelOne(leg, now, emit);
        }
    }

    private void CancelOne(FakeOrder order, long now, bool emit)
    {
        SetStatus(order, FakeOrderStatus.Canceled, now);
        order.CanceledAt = now;
        if (emit)
        {
            Emit("canceled", order, now, null);
        }
    }

    private static void SetStatus(FakeOrder order, string status, long now)
    {
        order.Status = status;
        order.UpdatedAt = now;
    }

    private decimal ApplyFill(string symbol, string side, decimal qty, decimal price)
    {
        var signed = side == "buy" ? qty : -qty;
        _cash -= signed * price;
        _buyingPower -= signed * price;
        _prices[symbol] = price;
        if (!_positions.TryGetValue(symbol, out var position))
        {
            position = new FakePosition { Symbol = symbol, AssetId = AssetIdOf(symbol) };
            _positions.Add(symbol, position);
        }

        if (position.Qty == 0 || Math.Sign(position.Qty) == Math.Sign(signed))
        {
            var held = Math.Abs(position.Qty);
            position.AvgEntryPrice = Math.Round(((held * position.AvgEntryPrice) + (qty * price)) / (held + qty), 9);
            position.Qty += signed;
        }
        else
        {
            var after = position.Qty + signed;
            if (after != 0 && Math.Sign(after) != Math.Sign(position.Qty))
            {
                // Flipped through zero: what is left was opened at this price.
                position.AvgEntryPrice = price;
            }

            position.Qty = after;
        }

        if (position.Qty == 0)
        {
            _positions.Remove(symbol);
            return 0;
        }

        return position.Qty;
    }

    private decimal ReferencePrice(FakeOrderRequest request) => request.Type switch
    {
        "limit" or "stop_limit" => request.LimitPrice!.Value,
        "stop" => request.StopPrice!.Value,
        _ => PriceOf(request.Symbol),
    };

    private decimal PriceOf(string symbol) => _prices.GetValueOrDefault(symbol, DefaultPrice);

    private string AssetIdOf(string symbol)
    {
        if (!_assetIds.TryGetValue(symbol, out var id))
        {
            id = Guid.NewGuid().ToString();
            _assetIds.Add(symbol, id);
        }

        return id;
    }

    private byte[] OrderJson(FakeOrder order, bool nested) =>
        FakeWire.Build(w => FakeOrderJson.Write(w, order, nested && order.LegIds.Count > 0 ? Legs(order) : null));

    private void Emit(string eventName, FakeOrder order, long now, FakeOrderJson.FillFields? fill) =>
        _stream.Publish(eventName, FakeOrderJson.TradeUpdate(eventName, order, order.LegIds.Count > 0 ? Legs(order) : null, now, fill));
}

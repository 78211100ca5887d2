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
internal sealed class FakeOrderBook
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

    // ---------------------------------------------------------------- HTTP: account and positions

    public byte[] AccountJson()
    {
        lock (_lock)
        {
            decimal longValue = 0, shortValue = 0;
            foreach (var position in _positions.Values)
            {
                var value = position.Qty * PriceOf(position.Symbol);
                if (value >= 0)
                {
                    longValue += value;
                }
                else
                {
                    shortValue += value;
                }
            }

            return FakeWire.Build(w => FakeAccountJson.WriteAccount(w, _accountId, _accountCreatedAt, _cash, _buyingPower, longValue, shortValue));
        }
    }

    public byte[] PositionsJson()
    {
        lock (_lock)
        {
            return FakeWire.Build(w =>
            {
                w.WriteStartArray();
                foreach (var position in _positions.Values)
                {
                    FakeAccountJson.WritePosition(w, position, PriceOf(position.Symbol));
                }

                w.WriteEndArray();
            });
        }
    }

    public FakeResponse Position(string symbolOrAssetId)
    {
        lock (_lock)
        {
            var position = _positions.Values.FirstOrDefault(p => p.Symbol == symbolOrAssetId || p.AssetId == symbolOrAssetId);
            return position is null
                ? FakeResponse.Fail(404, 40410000, "position does not exist")
                : new FakeResponse(200, FakeWire.Build(w => FakeAccountJson.WritePosition(w, position, PriceOf(position.Symbol))));
        }
    }

    // ---------------------------------------------------------------- HTTP: orders

    public void CountPostAttempt(string? clientOrderId)
    {
        if (clientOrderId is null)
        {
            return;
        }

        lock (_lock)
        {
            _postAttempts[clientOrderId] = _postAttempts.GetValueOrDefault(clientOrderId) + 1;
        }
    }

    /// <summary>
    /// Creates an order (and its legs): 422 when the client order id was ever used, 403 when a buy costs more than the
    /// buying power, else 200 with the order (legs nested). Emits <c>new</c> unless AutoAccept is off.
    /// </summary>
    public FakeResponse Submit(FakeOrderRequest request, bool fromPost)
    {
        lock (_lock)
        {
            if (request.ClientOrderId is { } requested && _byClientId.ContainsKey(requested))
            {
                return FakeResponse.Fail(422, 40010001, "client_order_id must be unique");
            }

            if (request.Side == "buy")
            {
                var cost = request.Notional ?? (request.Qty!.Value * ReferencePrice(request));
                if (cost > _buyingPower)
                {
                    return FakeResponse.Fail(403, 40310000, "insufficient buying power");
                }
            }

            var now = FakeTime.NowNanos();
            var parent = new FakeOrder
            {
                Id = Guid.NewGuid().ToString(),
                ClientOrderId = request.ClientOrderId ?? NewClientOrderId(),
                Symbol = request.Symbol,
                AssetId = AssetIdOf(request.Symbol),
                Side = request.Side,
                Type = request.Type,
                TimeInForce = request.TimeInForce,
                OrderClass = request.OrderClass,
                Qty = request.Qty,
                Notional = request.Notional,
                LimitPrice = request.Type is "limit" or "stop_limit" ? request.LimitPrice : null,
                StopPrice = request.Type is "stop" or "stop_limit" ? request.StopPrice : null,
                TrailPrice = request.Type == "trailing_stop" ? request.TrailPrice : null,
                TrailPercent = request.Type == "trailing_stop" ? request.TrailPercent : null,
                Hwm = request.Type == "trailing_stop" ? PriceOf(request.Symbol) : null,
                ExtendedHours = request.ExtendedHours,
                PositionIntent = request.PositionIntent,
                Status = _autoAccept ? FakeOrderStatus.New : FakeOrderStatus.Accepted,
                CreatedAt = now,
                UpdatedAt = now,
                SubmittedAt = now,
                CreatedByPost = fromPost,
            };
            Add(parent);
            foreach (var leg in NewLegs(request, parent))
            {
                Add(leg);
                parent.LegIds.Add(leg.Id);
            }

            if (fromPost)
            {
                _createdByPost[parent.ClientOrderId] = _createdByPost.GetValueOrDefault(parent.ClientOrderId) + 1;
            }

            if (parent.Status == FakeOrderStatus.New)
            {
                Emit("new", parent, now, null);
            }

            return new FakeResponse(200, OrderJson(parent, nested: true), parent.ClientOrderId);
        }
    }

    public FakeResponse GetById(string orderId, bool nested)
    {
        lock (_lock)
        {
            return _byId.TryGetValue(orderId, out var order)
                ? new FakeResponse(200, OrderJson(order, nested))
                : FakeResponse.Fail(404, 40410000, "order not found");
        }
    }

    public FakeResponse GetByClientOrderId(string? clientOrderId)
    {
        lock (_lock)
        {
            if (string.IsNullOrEmpty(clientOrderId))
            {
                return FakeResponse.Fail(422, 40010001, "client_order_id is missing");
            }

            return _byClientId.TryGetValue(clientOrderId, out var order)
                ? new FakeResponse(200, OrderJson(order, nested: false))
                : FakeResponse.Fail(404, 40410000, "order not found");
        }
    }

    public FakeResponse List(FakeListQuery query)
    {
        lock (_lock)
        {
            long? after = query.After, until = query.Until;
            foreach (var (cursor, isAfter) in new[] { (query.AfterOrderId, true), (query.BeforeOrderId, false) })
            {
                if (cursor is null)
                {
                    continue;
                }

                if (!_byId.TryGetValue(cursor, out var anchor))
                {
                    return FakeResponse.Fail(422, 40010001, "order not found for " + (isAfter ? "after_order_id" : "before_order_id"));
                }

                if (isAfter)
                {
                    after = anchor.SubmittedAt;
                }
                else
                {
                    until = anchor.SubmittedAt;
                }
            }

            bool StatusMatches(FakeOrder o) => query.Status switch
            {
                "open" => !o.IsTerminal,
                "closed" => o.IsTerminal,
                _ => true,
            };

            IEnumerable<FakeOrder> candidates = query.Nested
                ? _orders.Where(o => o.ParentId is null && (StatusMatches(o) || Legs(o).Any(StatusMatches)))
                : _orders.Where(StatusMatches);
            candidates = candidates.Where(o =>
                (query.Symbols is null || query.Symbols.Contains(o.Symbol))
                && (query.Side is null || o.Side == query.Side)
                && (after is not { } from || o.SubmittedAt > from)
                && (until is not { } to || o.SubmittedAt < to));
            var page = (query.Ascending ? candidates.OrderBy(o => o.SubmittedAt) : candidates.OrderByDescending(o => o.SubmittedAt))
                .Take(query.Limit)
                .ToList();
            return new FakeResponse(200, FakeWire.Build(w =>
            {
                w.WriteStartArray();
                foreach (var order in page)
                {
                    FakeOrderJson.Write(w, order, query.Nested && order.LegIds.Count > 0 ? Legs(order) : null);
                }

                w.WriteEndArray();
            }));
        }
    }

    /// <summary>204 when the cancel is taken (the group of a bracket/oco/oto goes with it), 422 when not cancelable, 404.</summary>
    public FakeResponse CancelById(string orderId)
    {
        lock (_lock)
        {
            if (!_byId.TryGetValue(orderId, out var order))
            {
                return FakeResponse.Fail(404, 40410000, "order not found");
            }

            if (!FakeOrderStatus.IsCancelable(order.Status))
            {
                return FakeResponse.Fail(422, 42210000, $"order is already in \"{order.Status}\" state");
            }

            var now = FakeTime.NowNanos();
            if (_autoCancel)
            {
                CancelGroup(order, now);
            }
            else
            {
                SetStatus(order, FakeOrderStatus.PendingCancel, now);
                Emit("pending_cancel", order, now, null);
            }

            return new FakeResponse(204, null);
        }
    }

    /// <summary>207 with <c>[{"id","status","body"}]</c>, one per open order: 200 and the order, or 500 when not cancelable.</summary>
    public FakeResponse CancelAll()
    {
        lock (_lock)
        {
            var open = _orders.Where(o => !o.IsTerminal).OrderByDescending(o => o.SubmittedAt).ToList();
            var now = FakeTime.NowNanos();
            var results = new List<(FakeOrder Order, bool Canceled)>();
            foreach (var order in open)
            {
                var cancelable = FakeOrderStatus.IsCancelable(order.Status);
                if (cancelable)
                {
                    if (_autoCancel)
                    {
                        CancelOne(order, now, emit: true);
                    }
                    else
                    {
                        SetStatus(order, FakeOrderStatus.PendingCancel, now);
                        Emit("pending_cancel", order, now, null);
                    }
                }

                results.Add((order, cancelable));
            }

            return new FakeResponse(207, FakeWire.Build(w =>
            {
                w.WriteStartArray();
                foreach (var (order, canceled) in results)
                {
                    w.WriteStartObject();
                    w.WriteString("id", order.Id);
                    w.WriteNumber("status", canceled ? 200 : 500);
                    w.WritePropertyName("body");
                    if (canceled)
                    {
                        FakeOrderJson.Write(w, order, null);
                    }
                    else
                    {
                        w.WriteStartObject();
                        w.WriteNumber("code", 50010000);
                        w.WriteString("message", $"order is already in \"{order.Status}\" state");
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }));
        }
    }

    /// <summary>
    /// PATCH: a new order (new id, <c>replaces</c>) takes the old one's place, the old one becomes <c>replaced</c> with
    /// <c>replaced_by</c>; emits <c>replaced</c> (old) then <c>new</c> (new).
    /// </summary>
    public FakeResponse Replace(string orderId, FakePatchRequest patch)
    {
        lock (_lock)
        {
            if (!_byId.TryGetValue(orderId, out var old))
            {
                return FakeResponse.Fail(404, 40410000, "order not found");
            }

            if (!FakeOrderStatus.IsReplaceable(old.Status))
            {
                return FakeResponse.Fail(422, 42210000, $"order is in \"{old.Status}\" state and cannot be replaced");
            }

            if (old.Notional is not null || patch.HasNotional)
            {
                return FakeResponse.Fail(422, 40010001, "notional orders cannot be replaced; cancel and submit a new order");
            }

            if (patch.LimitPrice is not null && old.Type is not ("limit" or "stop_limit"))
            {
                return FakeResponse.Fail(422, 40010001, "limit_price can only be replaced on limit and stop_limit orders");
            }

            if (patch.StopPrice is not null && old.Type is not ("stop" or "stop_limit"))
            {
                return FakeResponse.Fail(422, 40010001, "stop_price can only be replaced on stop and stop_limit orders");
            }

            if (patch.Trail is not null && old.Type != "trailing_stop")
            {
                return FakeResponse.Fail(422, 40010001, "trail can only be replaced on trailing_stop orders");
            }

            if (patch.ClientOrderId is { } requested && _byClientId.ContainsKey(requested))
            {
                return FakeResponse.Fail(422, 40010001, "client_order_id must be unique");
            }

            var now = FakeTime.NowNanos();
            var replacement = new FakeOrder
            {
                Id = Guid.NewGuid().ToString(),
                ClientOrderId = patch.ClientOrderId ?? NewClientOrderId(),
                Symbol = old.Symbol,
                AssetId = old.AssetId,
                Side = old.Side,
                Type = old.Type,
                TimeInForce = patch.TimeInForce ?? old.TimeInForce,
                OrderClass = old.OrderClass,
                Qty = patch.Qty ?? old.Qty,
                LimitPrice = patch.LimitPrice ?? old.LimitPrice,
                StopPrice = patch.StopPrice ?? old.StopPrice,
                TrailPrice = old.TrailPrice is not null ? patch.Trail ?? old.TrailPrice : null,
                TrailPercent = old.TrailPercent is not null ? patch.Trail ?? old.TrailPercent : null,
                Hwm = old.Hwm,
                ExtendedHours = old.ExtendedHours,
                PositionIntent = old.PositionIntent,
                Status = old.Status == FakeOrderStatus.Held ? FakeOrderStatus.Held
                    : _autoAccept ? FakeOrderStatus.New : FakeOrderStatus.Accepted,
                CreatedAt = now,
                UpdatedAt = now,
                SubmittedAt = now,
                Replaces = old.Id,
                ParentId = old.ParentId,
                LegRole = old.LegRole,
            };
            Add(replacement);

            // The replacement takes the old order's place in its group.
            replacement.LegIds.AddRange(old.LegIds);
            foreach (var leg in Legs(old))
            {
                leg.ParentId = replacement.Id;
            }

            old.LegIds.Clear();
            if (old.ParentId is { } parentId)
            {
                var siblings = _byId[parentId].LegIds;
                siblings[siblings.IndexOf(old.Id)] = replacement.Id;
            }

            SetStatus(old, FakeOrderStatus.Replaced, now);
            old.ReplacedBy = replacement.Id;
            old.ReplacedAt = now;
            Emit("replaced", old, now, null);
            if (replacement.Status == FakeOrderStatus.New)
            {
                Emit("new", replacement, now, null);
            }

            return new FakeResponse(200, OrderJson(replacement, nested: true));
        }
    }

    // ---------------------------------------------------------------- venue actions (control API)

    public FakeExecution Fill(string clientOrderId, decimal qty, decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qty);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        lock (_lock)
        {
            var order = Find(clientOrderId);
            if (order.IsTerminal)
            {
                throw new InvalidOperationException($"Order '{clientOrderId}' is {order.Status}; it cannot fill.");
            }

            if (order.Status == FakeOrderStatus.Held && !LegIsLive(order))
            {
                throw new InvalidOperationException($"Leg '{clientOrderId}' is held until its parent fills.");
            }

            if (order.Qty is { } total && order.FilledQty + qty > total)
            {
                throw new InvalidOperationException(
                    $"Order '{clientOrderId}' has {total - order.FilledQty} left to fill; cannot fill {qty}.");
            }

            var now = FakeTime.NowNanos();
            var filledBefore = order.FilledQty;
            order.FilledQty += qty;
            order.FilledAvgPrice = Math.Round((((order.FilledAvgPrice ?? 0) * filledBefore) + (qty * price)) / order.FilledQty, 9);
            var complete = order.Qty is null || order.FilledQty == order.Qty;
            SetStatus(order, complete ? FakeOrderStatus.Filled : FakeOrderStatus.PartiallyFilled, now);
            if (complete)
            {
                order.FilledAt = now;
            }

            var positionQty = ApplyFill(order.Symbol, order.Side, qty, price);
            var eventName = complete ? "fill" : "partial_fill";
            var execution = new FakeExecution(Guid.NewGuid().ToString(), order.Id, order.ClientOrderId, eventName, qty, price,
                positionQty, FakeTime.Format(now));
            Emit(eventName, order, now, new FakeOrderJson.FillFields(execution.ExecutionId, price, qty, positionQty));
            if (complete)
            {
                AfterCompleteFill(order, now);
            }

            return execution;
        }
    }

    public void Cancel(string clientOrderId)
    {
        lock (_lock)
        {
            var order = Find(clientOrderId);
            RequireOpen(order);
            CancelGroup(order, FakeTime.NowNanos());
        }
    }

    public void Expire(string clientOrderId)
    {
        lock (_lock)
        {
            var order = Find(clientOrderId);
            RequireOpen(order);
            var now = FakeTime.NowNanos();
            SetStatus(order, FakeOrderStatus.Expired, now);
            order.ExpiredAt = now;
            Emit("expired", order, now, null);
            CancelLegs(order, now, emit: true);
        }
    }

    public void Reject(string clientOrderId)
    {
        lock (_lock)
        {
            var order = Find(clientOrderId);
            RequireOpen(order);
            var now = FakeTime.NowNanos();
            SetStatus(order, FakeOrderStatus.Rejected, now);
            order.FailedAt = now;
            Emit("rejected", order, now, null);
            CancelLegs(order, now, emit: true);
        }
    }

    public void Accept(string clientOrderId)
    {
        lock (_lock)
        {
            var order = Find(clientOrderId);
            if (order.Status is not (FakeOrderStatus.Accepted or FakeOrderStatus.PendingNew))
            {
                throw new InvalidOperationException($"Order '{clientOrderId}' is {order.Status}, not accepted.");
            }

            var now = FakeTime.NowNanos();
            SetStatus(order, FakeOrderStatus.New, now);
            Emit("new", order, now, null);
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

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>The HTTP endpoints of the order book: account, positions and orders (NOTES §1.2-§1.7).</summary>
internal sealed partial class FakeOrderBook
{
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
}

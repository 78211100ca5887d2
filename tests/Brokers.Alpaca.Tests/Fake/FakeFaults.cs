namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>
/// The fault plan of a <see cref="FakeAlpaca"/>: what goes wrong next. Counted faults are consumed one per matching
/// request or event and add up when armed twice. Thread-safe.
/// </summary>
/// <remarks>
/// Order of checks for an HTTP request: bad keys (401, consumes nothing), <see cref="RateLimitBurst"/> (429),
/// the per-minute rate limit (429), <see cref="ServerErrors"/> (503), then the endpoint; for <c>POST /v2/orders</c> the
/// after-accept faults are consumed only when an order was actually created.
/// </remarks>
public sealed class FakeFaults
{
    private static readonly int[] s_afterAcceptStatuses = [500, 502, 503];

    private readonly Lock _lock = new();
    private readonly List<ServerErrorRule> _serverErrors = [];
    private readonly Queue<(string Field, string? ReplacementJson)> _malformed = new();
    private int _timeoutAfterAccept;
    private int _serverErrorAfterAccept;
    private int _afterAcceptRotation;
    private int _rateLimitBurst;
    private TimeSpan _rateLimitResetIn;
    private int _dropAfterEvents;
    private int _dropMidFill;
    private bool _duplicateEvents;
    private bool _reorderEvents;
    private bool _silentSiblingCancel;

    /// <summary>Set by the trade stream: delivers an event held back by <see cref="ReorderEvents"/>.</summary>
    internal Action? FlushHeldEvent { get; set; }

    /// <summary>
    /// The next <paramref name="count"/> <c>POST /v2/orders</c> that create an order (and emit its events) are never
    /// answered: the request is held until the client aborts it (its <c>RequestAborted</c>), then the connection is
    /// dropped. Recorded with status 0.
    /// </summary>
    public void TimeoutAfterAccept(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_lock)
        {
            _timeoutAfterAccept += count;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> <c>POST /v2/orders</c> that create an order (and emit its events) are answered
    /// 500, 502, 503, 500, ... (rotating) with <c>{"message":...}</c> instead of 200.
    /// </summary>
    public void ServerErrorAfterAccept(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_lock)
        {
            _serverErrorAfterAccept += count;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> requests whose path starts with <paramref name="pathPrefix"/> (ordinal; null:
    /// any; "/v2/orders" also matches "/v2/orders:by_client_order_id" and "/v2/orders/{id}") and whose method is
    /// <paramref name="method"/> (case-insensitive; null: any) are answered 503 without doing anything.
    /// </summary>
    public void ServerErrors(int count, string? pathPrefix = null, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_lock)
        {
            _serverErrors.Add(new ServerErrorRule { Remaining = count, PathPrefix = pathPrefix, Method = method });
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> authenticated HTTP requests are answered 429 with <c>X-RateLimit-Remaining: 0</c>
    /// and <c>X-RateLimit-Reset</c> = that response's time + <paramref name="resetIn"/>, in Unix seconds rounded up.
    /// </summary>
    public void RateLimitBurst(int count, TimeSpan resetIn)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(resetIn, TimeSpan.Zero);
        lock (_lock)
        {
            _rateLimitBurst += count;
            _rateLimitResetIn = resetIn;
        }
    }

    /// <summary>
    /// After <paramref name="events"/> more trade-update events have been sent (events nobody listens to do not count;
    /// a duplicated event counts once), every trade-update socket is aborted without a close handshake, right after
    /// that event's frames. Events produced afterwards, while nobody listens again, are lost. Re-arming replaces the count.
    /// </summary>
    public void DropStreamAfterEvents(int events)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        lock (_lock)
        {
            _dropAfterEvents = events;
        }
    }

    /// <summary>
    /// The next fill or partial fill is made (order, position and cash change), but its event is never delivered:
    /// every trade-update socket is aborted instead (events queued before it still go out first).
    /// </summary>
    public void DropStreamMidFill()
    {
        lock (_lock)
        {
            _dropMidFill++;
        }
    }

    /// <summary>Every trade-update event is sent twice.</summary>
    public bool DuplicateEvents
    {
        get { lock (_lock) { return _duplicateEvents; } }
        set { lock (_lock) { _duplicateEvents = value; } }
    }

    /// <summary>
    /// Events are held back and delivered in pairs, swapped (the second before the first). An odd event waits for the
    /// next one; setting this back to false delivers it.
    /// </summary>
    public bool ReorderEvents
    {
        get { lock (_lock) { return _reorderEvents; } }
        set
        {
            lock (_lock)
            {
                _reorderEvents = value;
            }

            if (!value)
            {
                FlushHeldEvent?.Invoke();
            }
        }
    }

    /// <summary>
    /// When a bracket/oco/oto leg fills, its sibling is canceled without a <c>canceled</c> event (alpaca-py #198): only
    /// REST shows it.
    /// </summary>
    public bool SilentSiblingCancel
    {
        get { lock (_lock) { return _silentSiblingCancel; } }
        set { lock (_lock) { _silentSiblingCancel = value; } }
    }

    /// <summary>
    /// The next order response over HTTP (POST, PATCH, GET by id, by client order id, or the first order of a
    /// list) has <paramref name="field"/> broken: a field whose value is null is removed; any other value (or a
    /// missing field) becomes <paramref name="replacementJson"/>, by default the string <c>"abc"</c>.
    /// </summary>
    public void MalformedNextOrderResponse(string field, string? replacementJson = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        lock (_lock)
        {
            _malformed.Enqueue((field, replacementJson));
        }
    }

    internal bool TryTakeTimeoutAfterAccept() => TryTake(ref _timeoutAfterAccept);

    internal bool TryTakeServerErrorAfterAccept(out int status)
    {
        lock (_lock)
        {
            status = 0;
            if (_serverErrorAfterAccept == 0)
            {
                return false;
            }

            _serverErrorAfterAccept--;
            status = s_afterAcceptStatuses[_afterAcceptRotation++ % s_afterAcceptStatuses.Length];
            return true;
        }
    }

    internal bool TryTakeServerError(string path, string method)
    {
        lock (_lock)
        {
            var rule = _serverErrors.Find(r =>
                (r.PathPrefix is null || path.StartsWith(r.PathPrefix, StringComparison.Ordinal))
                && (r.Method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)));
            if (rule is null)
            {
                return false;
            }

            if (--rule.Remaining == 0)
            {
                _serverErrors.Remove(rule);
            }

            return true;
        }
    }

    internal bool TryTakeRateLimit(out TimeSpan resetIn)
    {
        lock (_lock)
        {
            resetIn = _rateLimitResetIn;
            if (_rateLimitBurst == 0)
            {
                return false;
            }

            _rateLimitBurst--;
            return true;
        }
    }

    /// <summary>Counts one sent event; true when the stream must be dropped now.</summary>
    internal bool CountEventForDrop()
    {
        lock (_lock)
        {
            if (_dropAfterEvents == 0)
            {
                return false;
            }

            return --_dropAfterEvents == 0;
        }
    }

    internal bool TryTakeDropMidFill() => TryTake(ref _dropMidFill);

    internal bool HasMalformed
    {
        get
        {
            lock (_lock)
            {
                return _malformed.Count > 0;
            }
        }
    }

    internal bool TryTakeMalformed(out string field, out string? replacementJson)
    {
        lock (_lock)
        {
            if (_malformed.TryDequeue(out var next))
            {
                (field, replacementJson) = next;
                return true;
            }

            field = "";
            replacementJson = null;
            return false;
        }
    }

    private bool TryTake(ref int counter)
    {
        lock (_lock)
        {
            if (counter == 0)
            {
                return false;
            }

            counter--;
            return true;
        }
    }

    private sealed class ServerErrorRule
    {
        public int Remaining { get; set; }
        public string? PathPrefix { get; init; }
        public string? Method { get; init; }
    }
}

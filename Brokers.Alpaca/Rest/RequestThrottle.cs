namespace Meridian.Brokers.Alpaca.Rest;

/// <summary>
/// Keeps calls to one Alpaca host under its rate limit on the client side: at most <see cref="Limit"/> requests in any
/// window of <see cref="Window"/> (Alpaca allows 200 a minute per account; the default here is 190). A caller over the
/// limit waits, first come first served, until the oldest request in the window leaves it.
/// </summary>
public sealed class RequestThrottle : IDisposable
{
    private readonly Queue<DateTimeOffset> _granted = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly TimeProvider _time;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public RequestThrottle(int limit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        Limit = limit;
        Window = window;
        _time = time;
    }

    /// <summary>The most requests in any window.</summary>
    public int Limit { get; }

    /// <summary>The window's length.</summary>
    public TimeSpan Window { get; }

    /// <summary>
    /// Books a request at <paramref name="now"/>: zero when it may go now (and it is counted), otherwise how long to
    /// wait before asking again (nothing is counted). Pure bookkeeping, so the rule is testable without waiting.
    /// </summary>
    public TimeSpan Reserve(DateTimeOffset now)
    {
        if (now < _pausedUntil)
            return _pausedUntil - now;
        while (_granted.Count > 0 && now - _granted.Peek() >= Window)
            _granted.Dequeue();
        if (_granted.Count >= Limit)
            return _granted.Peek() + Window - now;
        _granted.Enqueue(now);
        return TimeSpan.Zero;
    }

    /// <summary>Holds every request until <paramref name="until"/> (the server said 429 and when its window resets).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil)
            _pausedUntil = until;
    }

    /// <summary>Waits until a request may go, then counts it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (Reserve(_time.GetUtcNow()) is var wait && wait > TimeSpan.Zero)
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _turn.Dispose();
}

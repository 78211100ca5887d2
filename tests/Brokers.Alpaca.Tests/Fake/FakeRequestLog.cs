namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>Every HTTP request the fake answered, and waiters for the ones a test expects.</summary>
internal sealed class FakeRequestLog
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource<RecordedRequest> Done)> _waiters = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public void Add(RecordedRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(request))
                {
                    _waiters[i].Done.TrySetResult(request);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>The first recorded request that matches, already recorded or still to come.</summary>
    public Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var done = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            var seen = _requests.Find(r => match(r));
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }
}

/// <summary>
/// Alpaca's per-account limit (200 requests a minute, NOTES §1.11) as a fixed one-minute window: every response
/// carries <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (Unix seconds when the
/// window ends); past the limit, 429.
/// </summary>
internal sealed class FakeRateLimit
{
    private readonly Lock _lock = new();
    private long _windowEnd;
    private int _used;
    private int _limit = 200;

    public int Limit
    {
        get { lock (_lock) { return _limit; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            lock (_lock)
            {
                _limit = value;
            }
        }
    }

    /// <summary>Counts one request (when <paramref name="take"/>) and reports the window; Exceeded when over the limit.</summary>
    public (int Limit, int Remaining, long Reset, bool Exceeded) Take(bool take)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        lock (_lock)
        {
            if (now >= _windowEnd)
            {
                _windowEnd = now + 60;
                _used = 0;
            }

            if (take)
            {
                _used++;
            }

            return (_limit, Math.Max(0, _limit - _used), _windowEnd, _used > _limit);
        }
    }
}

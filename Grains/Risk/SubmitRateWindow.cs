namespace Meridian.Grains.Risk;

/// <summary>
/// The times of a portfolio's most recent approved order submissions, enough to say how many fell in the one-second
/// window ending now (risk.max_orders_per_second). The window is half-open, (now - 1 s, now]: a submission exactly one
/// second old has left it, so a limit of N allows N submissions at t and N more at t + 1 s.
/// </summary>
/// <remarks>
/// A ring buffer of <see cref="Capacity"/> entries, sized to the limit: the check only asks whether the limit is
/// reached, which is whether the N-th newest submission is inside the window, so older ones never matter. Recording
/// and counting are O(1) amortised and allocate nothing. Times must not go backwards (the runtime clock's UTC time).
/// Not thread-safe: one portfolio activation owns it.
/// </remarks>
public sealed class SubmitRateWindow
{
    /// <summary>The length of the window.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(1);

    // UTC ticks, oldest at _head; _count entries from there, wrapping.
    private long[] _ticks;
    private int _head;
    private int _count;

    /// <summary>A window holding up to <paramref name="capacity"/> submissions: risk.max_orders_per_second, or 0 when there is no limit.</summary>
    public SubmitRateWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _ticks = new long[capacity];
    }

    /// <summary>The most submissions it remembers; the check needs at least the limit it enforces.</summary>
    public int Capacity => _ticks.Length;

    /// <summary>Records an approved submission at <paramref name="time"/>, forgetting the oldest when full.</summary>
    public void Record(DateTimeOffset time)
    {
        if (_ticks.Length == 0)
            return;
        if (_count == _ticks.Length)
        {
            // Full: the oldest can no longer decide anything, the N newest do.
            _ticks[_head] = time.UtcTicks;
            _head = (_head + 1) % _ticks.Length;
            return;
        }
        _ticks[(_head + _count) % _ticks.Length] = time.UtcTicks;
        _count++;
    }

    /// <summary>
    /// How many recorded submissions fall in (now - 1 s, now], at most <see cref="Capacity"/>. Forgets the ones that
    /// have left the window, which is why counting is O(1) amortised.
    /// </summary>
    public int CountInWindow(DateTimeOffset now)
    {
        var cutoff = now.UtcTicks - Length.Ticks;
        while (_count > 0 && _ticks[_head] <= cutoff)
        {
            _head = (_head + 1) % _ticks.Length;
            _count--;
        }
        return _count;
    }

    /// <summary>Changes the capacity when risk.max_orders_per_second changes, keeping the newest submissions that fit.</summary>
    public void Resize(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity == _ticks.Length)
            return;
        var kept = Math.Min(_count, capacity);
        var ticks = new long[capacity];
        for (var i = 0; i < kept; i++)
            ticks[i] = _ticks[(_head + _count - kept + i) % _ticks.Length];
        _ticks = ticks;
        _head = 0;
        _count = kept;
    }
}

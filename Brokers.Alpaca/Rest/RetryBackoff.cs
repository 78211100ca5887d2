namespace Meridian.Brokers.Alpaca.Rest;

/// <summary>
/// Exponential backoff with full jitter: before retry <c>n</c> (1-based) wait a random time in
/// [0, min(<see cref="Cap"/>, <see cref="Base"/> × 2^(n-1))], so clients that failed together do not retry together.
/// </summary>
public sealed record RetryBackoff(TimeSpan Base, TimeSpan Cap, int MaxAttempts)
{
    /// <summary>Reads: 250 ms doubling to at most 8 s, four attempts in all.</summary>
    public static RetryBackoff Reads { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(8), 4);

    /// <summary>The longest wait before retry <paramref name="retry"/>.</summary>
    public TimeSpan Ceiling(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Base.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        return TimeSpan.FromMilliseconds(Math.Min(ceiling, Cap.TotalMilliseconds));
    }

    /// <summary>The wait before retry <paramref name="retry"/>, drawn from <paramref name="random"/>.</summary>
    public TimeSpan Delay(int retry, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return TimeSpan.FromMilliseconds(random.NextDouble() * Ceiling(retry).TotalMilliseconds);
    }
}

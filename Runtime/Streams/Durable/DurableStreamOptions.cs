namespace Meridian.Runtime.Streams.Durable;

/// <summary>How a durable stream provider retries, dead-letters and records progress.</summary>
public sealed class DurableStreamOptions
{
    /// <summary>The wait before the first retry of a failed delivery; it doubles on each further failure.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long after its first failure an event is still retried for a subscriber; after that it goes to the
    /// dead-letter table with the last error and the subscriber moves on. Measured on the silo's clock.
    /// </summary>
    public TimeSpan RetryDeadline { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the subscribers' progress is written to the database (and always on shutdown). What was
    /// delivered after the last write is delivered again after a crash.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Events committed together at most.</summary>
    public int MaxAppendBatch { get; set; } = 512;

    /// <summary>The problems with these options, one message each; empty when they are valid.</summary>
    public IEnumerable<string> Validate(string providerName)
    {
        if (InitialRetryDelay <= TimeSpan.Zero)
            yield return $"stream provider '{providerName}': InitialRetryDelay must be positive (is {InitialRetryDelay})";
        if (MaxRetryDelay < InitialRetryDelay)
            yield return $"stream provider '{providerName}': MaxRetryDelay ({MaxRetryDelay}) must be at least InitialRetryDelay ({InitialRetryDelay})";
        if (RetryDeadline < TimeSpan.Zero)
            yield return $"stream provider '{providerName}': RetryDeadline must not be negative (is {RetryDeadline})";
        if (CheckpointInterval <= TimeSpan.Zero)
            yield return $"stream provider '{providerName}': CheckpointInterval must be positive (is {CheckpointInterval})";
        if (MaxAppendBatch is < 1 or > 10_000)
            yield return $"stream provider '{providerName}': MaxAppendBatch must be between 1 and 10000 (is {MaxAppendBatch})";
    }
}

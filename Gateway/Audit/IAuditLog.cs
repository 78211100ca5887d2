namespace Meridian.Gateway.Audit;

/// <summary>
/// One thing that happened, for the audit log: who (<paramref name="Actor"/>: a key, "system", a broker), what
/// (<paramref name="Action"/>: "POST /v1/orders", "order.filled"), on what (<paramref name="Target"/>: an order or
/// portfolio id), with what result (<paramref name="Result"/>: an HTTP status, a status name) and details as JSON.
/// </summary>
public sealed record AuditRecord(DateTimeOffset At, string Actor, string Action, string? Target, string Result, string? DetailJson = null);

/// <summary>The append-only, hash-chained audit log in the silo's database.</summary>
public interface IAuditLog
{
    /// <summary>Queues <paramref name="record"/> to be chained and written (in order, in batches); returns at once.</summary>
    void Append(AuditRecord record);

    /// <summary>Waits until everything appended so far is written.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}

namespace Meridian.Gateway.Audit;

/// <summary>Where the chain breaks: the first bad entry's seq and why.</summary>
public sealed record AuditBreak(long Seq, string Reason);

/// <summary>What a walk of the chain found: how many entries it checked, and the first break (null when intact).</summary>
public sealed record AuditVerification(long Entries, AuditBreak? Break)
{
    /// <summary>Whether every entry checked out.</summary>
    public bool Intact => Break is null;
}

/// <summary>
/// Walks the audit log's hash chain in seq order and stops at the first bad entry: a gap in seq (an entry deleted), an
/// entry whose prev_hash is not the previous entry's hash (entries reordered, or one before it removed or replaced), or
/// an entry whose hash does not match its fields (modified). Removing entries from the end cannot be seen from the
/// entries alone: compare the count with what was last verified.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Checks <paramref name="entries"/> (in seq order, as stored).</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var walk = new Walk();
        foreach (var entry in entries)
        {
            if (walk.Accept(entry) is { } broken)
                return new AuditVerification(walk.Count, broken);
        }

        return new AuditVerification(walk.Count, null);
    }

    /// <summary>Checks the entries as they are read (a page at a time).</summary>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var walk = new Walk();
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (walk.Accept(entry) is { } broken)
                return new AuditVerification(walk.Count, broken);
        }

        return new AuditVerification(walk.Count, null);
    }

    private sealed class Walk
    {
        private long _expectedSeq = 1;
        private string _previousHash = AuditChain.GenesisHash;

        public long Count { get; private set; }

        public AuditBreak? Accept(AuditEntry entry)
        {
            var seq = _expectedSeq;
            if (entry.Seq != seq)
            {
                return entry.Seq > seq
                    ? new AuditBreak(seq, $"entry {seq} is missing (the entry after {seq - 1} is {entry.Seq}): deleted")
                    : new AuditBreak(seq, $"entry {entry.Seq} appears again after {seq - 1}");
            }

            var linked = string.Equals(entry.PrevHash, _previousHash, StringComparison.Ordinal);
            var sound = string.Equals(entry.Hash, AuditChain.Hash(entry), StringComparison.Ordinal);
            if (!linked && !sound)
                return new AuditBreak(seq, $"entry {seq} is not the entry written as {seq} (neither its hash nor its prev_hash match): reordered or replaced");
            if (!linked)
                return new AuditBreak(seq, $"entry {seq} does not follow entry {seq - 1} (its prev_hash is not that entry's hash): an entry before it was deleted or replaced");
            if (!sound)
                return new AuditBreak(seq, $"entry {seq} was modified (its hash does not match its fields)");

            _previousHash = entry.Hash;
            _expectedSeq++;
            Count++;
            return null;
        }
    }
}

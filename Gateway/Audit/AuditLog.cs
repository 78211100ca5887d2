using Meridian.Gateway.Persistence;
using Meridian.Runtime.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Gateway.Audit;

/// <summary>
/// The audit log's single writer: <see cref="Append"/> queues a record and returns; one background loop numbers the
/// records (continuing from the table's highest seq), chains their hashes and writes them a batch per transaction. One
/// writer per database: two would number the same seq twice (the primary key refuses the second).
/// </summary>
public sealed partial class AuditLog : IAuditLog, IHostedService, IAsyncDisposable
{
    /// <summary>Most entries written in one transaction.</summary>
    private const int MaxBatch = 4096;

    private readonly HostDatabase _database;
    private readonly ILogger<AuditLog> _logger;
    private readonly QueuedBatchWriter<AuditRecord> _writer;
    private readonly List<AuditEntry> _rows = new(MaxBatch);
    private bool _started;
    private long _nextSeq;
    private string _previousHash = AuditChain.GenesisHash;

    /// <summary>Starts the writer over <paramref name="database"/>'s <c>audit_log</c> (migrated before the first record arrives).</summary>
    public AuditLog(HostDatabase database, ILogger<AuditLog> logger)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        // The entries of a failed batch were not written and their seqs are free again: the next batch numbers from the same place.
        _writer = new QueuedBatchWriter<AuditRecord>(WriteBatchAsync, (error, count) =>
        {
            WriteFailed(_logger, error, count);
            return new InvalidOperationException($"the audit log could not be written to {_database.DisplayName}: {error.Message}", error);
        }, MaxBatch);
    }

    /// <inheritdoc />
    public void Append(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_writer.TryAppend(record))
            Dropped(_logger, record.Action, record.Target);
    }

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The host stops: what was appended is written first.</summary>
    Task IHostedService.StopAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    /// <summary>Writes what is queued, then stops the writer; later appends are refused (and logged).</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task WriteBatchAsync(List<AuditRecord> batch, CancellationToken cancellationToken)
    {
        _rows.Clear();
        if (!_started)
        {
            await ContinueChainAsync(cancellationToken).ConfigureAwait(false);
            _started = true;
        }
        Chain(batch, _rows);
        await WriteAsync(_rows, cancellationToken).ConfigureAwait(false);
        Commit(_rows);
    }

    private async Task ContinueChainAsync(CancellationToken cancellationToken)
    {
        if (await AuditTable.ReadLastAsync(_database, cancellationToken).ConfigureAwait(false) is { } last)
        {
            _nextSeq = last.Seq + 1;
            _previousHash = last.Hash;
        }
        else
        {
            _nextSeq = 1;
        }
    }

    private void Chain(List<AuditRecord> batch, List<AuditEntry> rows)
    {
        var seq = _nextSeq;
        var previous = _previousHash;
        foreach (var record in batch)
        {
            var at = AuditChain.FormatTime(record.At);
            var hash = AuditChain.Hash(seq, at, record.Actor, record.Action, record.Target, record.Result, record.DetailJson, previous);
            rows.Add(new AuditEntry(seq, at, record.Actor, record.Action, record.Target, record.Result, record.DetailJson, previous, hash));
            previous = hash;
            seq++;
        }
    }

    private void Commit(List<AuditEntry> rows)
    {
        if (rows.Count == 0)
            return;
        _nextSeq = rows[^1].Seq + 1;
        _previousHash = rows[^1].Hash;
    }

    private async Task WriteAsync(List<AuditEntry> rows, CancellationToken cancellationToken)
    {
        // The host database's write lock: on SQLite, queue behind grain storage's commits instead of its busy handler.
        await _database.WriteAsync(async (connection, transaction) =>
        {
            // One statement, its parameters rebound per row: no command or parameter allocated per entry.
            var command = _database.Command(connection, AuditTable.Insert, transaction, 0L, "", "", "", "", "", "", "", "");
            await using (command.ConfigureAwait(false))
            {
                var p = command.Parameters;
                foreach (var row in rows)
                {
                    p[0].Value = row.Seq;
                    p[1].Value = row.At;
                    p[2].Value = row.Actor;
                    p[3].Value = row.Action;
                    p[4].Value = (object?)row.Target ?? DBNull.Value;
                    p[5].Value = row.Result;
                    p[6].Value = (object?)row.Detail ?? DBNull.Value;
                    p[7].Value = row.PrevHash;
                    p[8].Value = row.Hash;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit log could not write {Count} entries; they are lost")]
    private static partial void WriteFailed(ILogger logger, Exception error, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit log is closed; entry {Action} on {Target} was not recorded")]
    private static partial void Dropped(ILogger logger, string action, string? target);
}

using System.Data.Common;

namespace Meridian.Runtime.Persistence;

/// <summary>
/// A connection with a write transaction open on it, and the database's write lock while it lasts (SQLite
/// admits one writer at a time: queueing writers here is far cheaper than SQLite's busy-wait retries).
/// </summary>
internal sealed class WriteTransaction(DbConnection connection, DbTransaction transaction, IDisposable? writeLock) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    /// <summary>Rolls back what was not committed, closes the connection and lets the next writer in.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            writeLock?.Dispose();
        }
    }
}

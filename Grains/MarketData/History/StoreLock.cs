namespace Meridian.Grains.MarketData.History;

/// <summary>
/// The one import allowed at a time in a data directory: an exclusively opened <c>.import.lock</c>, deleted when
/// released, so a finished import leaves no trace of it. The operating system drops the lock when the process dies.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    /// <summary>Takes the lock; null when another import holds it.</summary>
    public static StoreLock? TryAcquire(string directory)
    {
        try
        {
            return new StoreLock(new FileStream(Path.Combine(directory, StoreLayout.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// Puts a set of files into a data directory all at once or not at all.
/// <list type="number">
/// <item>Each new file is written under <c>.staging/</c> (same relative path) and flushed to disk.</item>
/// <item>The journal, listing every path, is written to <c>import.journal.tmp</c>, flushed, and renamed to
/// <c>import.journal</c>. That rename is the commit point.</item>
/// <item>Each staged file is renamed over its target (an atomic replace), then the journal and <c>.staging/</c> are deleted.</item>
/// </list>
/// A crash before the commit point leaves staging without a journal: <see cref="Recover"/> deletes it (rolled back,
/// the directory as it was). A crash after it leaves the journal: <see cref="Recover"/> renames every staged file still
/// there (rolled forward; renaming is idempotent). The directory itself is not flushed (.NET has no call for it); file
/// systems that journal their metadata in order (ext4, XFS, NTFS, APFS) keep the renames in the order made, so a
/// power loss loses at most a whole import, never part of one.
/// </summary>
internal static class StoreCommit
{
    private const string JournalHeader = "meridian import journal 1";
    private const string JournalEnd = "end";

    /// <summary>Writes the files as one change; the caller holds the <see cref="StoreLock"/>.</summary>
    /// <param name="directory">The data directory.</param>
    /// <param name="files">Each file's path relative to <paramref name="directory"/> and its whole content.</param>
    /// <param name="afterEachSwap">Test hook: runs after each file is renamed into place (a throw stands for a crash).</param>
    public static void Apply(string directory, IReadOnlyList<(string Path, byte[] Content)> files, Action<string>? afterEachSwap = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var staging = Path.Combine(directory, StoreLayout.StagingFolder);
        var journal = Path.Combine(directory, StoreLayout.JournalFile);
        var pending = journal + ".tmp";
        try
        {
            foreach (var (path, content) in files)
                WriteDurably(Path.Combine(staging, path), content);
            WriteDurably(pending, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', [JournalHeader, .. files.Select(f => f.Path), JournalEnd, ""])));
            File.Move(pending, journal);
        }
        catch
        {
            DeleteIfPresent(pending);
            DeleteFolderIfPresent(staging);
            throw;
        }
        RollForward(directory, files.Select(f => f.Path).ToList(), afterEachSwap);
    }

    /// <summary>Finishes or undoes an interrupted commit (see the class summary); nothing to do when there was none.</summary>
    public static void Recover(string directory)
    {
        var journal = Path.Combine(directory, StoreLayout.JournalFile);
        if (File.Exists(journal))
            RollForward(directory, ReadJournal(journal), afterEachSwap: null);
        DeleteIfPresent(journal + ".tmp");
        DeleteFolderIfPresent(Path.Combine(directory, StoreLayout.StagingFolder));
    }

    private static void RollForward(string directory, IReadOnlyList<string> paths, Action<string>? afterEachSwap)
    {
        var staging = Path.Combine(directory, StoreLayout.StagingFolder);
        foreach (var path in paths)
        {
            var staged = Path.Combine(staging, path);
            // Gone already when a crash came after this file's rename.
            if (!File.Exists(staged))
                continue;
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(staged, target, overwrite: true);
            afterEachSwap?.Invoke(path);
        }
        File.Delete(Path.Combine(directory, StoreLayout.JournalFile));
        DeleteFolderIfPresent(staging);
    }

    private static List<string> ReadJournal(string journal)
    {
        var lines = File.ReadAllLines(journal);
        if (lines.Length < 2 || lines[0] != JournalHeader || lines[^1] != JournalEnd)
            throw new InvalidDataException($"the import journal {journal} is damaged, so an interrupted import can be neither finished nor undone; restore the data directory from a backup, or delete the journal and the .staging folder to keep the directory as it is");
        var paths = lines[1..^1].ToList();
        foreach (var path in paths)
        {
            if (Path.IsPathRooted(path) || path.Split('/', '\\').Contains(".."))
                throw new InvalidDataException($"the import journal {journal} names '{path}', outside the data directory; it was not written by an import");
        }
        return paths;
    }

    private static void WriteDurably(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
            File.Delete(path);
    }

    private static void DeleteFolderIfPresent(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }
}

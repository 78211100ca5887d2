using System.Text;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Tests.MarketData.History;

public sealed class StoreCommitTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static (string, byte[]) FileOf(string path, string text) => (path, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_commit_puts_every_file_in_place_and_leaves_no_journal_or_staging()
    {
        _directory.Write("a/one.txt", "old");

        StoreCommit.Apply(_directory.Path, [FileOf("a/one.txt", "new"), FileOf("b/two.txt", "two")]);

        Assert.Equal("new", File.ReadAllText(_directory["a/one.txt"]));
        Assert.Equal("two", File.ReadAllText(_directory["b/two.txt"]));
        Assert.Equal(["a/", "a/one.txt", "b/", "b/two.txt"], Entries());
    }

    [Fact]
    public void A_crash_after_the_journal_is_rolled_forward_when_the_store_is_next_opened()
    {
        _directory.Write("a/one.txt", "old");
        var crash = new IOException("power cut");

        var thrown = Assert.Throws<IOException>(() =>
            StoreCommit.Apply(_directory.Path, [FileOf("a/one.txt", "new"), FileOf("b/two.txt", "two")], afterEachSwap: _ => throw crash));
        Assert.Same(crash, thrown);
        Assert.True(File.Exists(_directory[StoreLayout.JournalFile]));

        BarStore.Open(_directory.Path);

        Assert.Equal("new", File.ReadAllText(_directory["a/one.txt"]));
        Assert.Equal("two", File.ReadAllText(_directory["b/two.txt"]));
        Assert.Equal(["a/", "a/one.txt", "b/", "b/two.txt"], Entries());
    }

    [Fact]
    public void Staging_left_by_a_crash_before_the_journal_is_rolled_back_when_the_store_is_next_opened()
    {
        _directory.Write("a/one.txt", "old");
        var before = TempDirectory.Fingerprint(_directory.Path);
        // What a crash while staging leaves: staged files and a journal never renamed into place.
        _directory.Write(".staging/a/one.txt", "new");
        _directory.Write(StoreLayout.JournalFile + ".tmp", "meridian import journal 1\na/one.txt\n");

        BarStore.Open(_directory.Path);

        Assert.Equal(before, TempDirectory.Fingerprint(_directory.Path));
    }

    [Fact]
    public void A_failure_while_staging_leaves_the_directory_as_it_was()
    {
        _directory.Write("a/one.txt", "old");
        var before = TempDirectory.Fingerprint(_directory.Path);

        // The second file's folder would be the first file: the file system refuses it mid-way.
        Assert.ThrowsAny<IOException>(() => StoreCommit.Apply(_directory.Path, [FileOf("a/one.txt", "new"), FileOf("a/one.txt/two.txt", "two")]));

        Assert.Equal(before, TempDirectory.Fingerprint(_directory.Path));
    }

    [Fact]
    public void A_damaged_journal_is_an_error_that_says_what_to_do()
    {
        _directory.Write(StoreLayout.JournalFile, "meridian import journal 1\na/one.txt\n");

        var error = Assert.Throws<InvalidDataException>(() => BarStore.Open(_directory.Path));

        Assert.Contains("is damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore the data directory from a backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_import_at_a_time_holds_the_lock_and_releasing_it_leaves_no_file()
    {
        using (var first = StoreLock.TryAcquire(_directory.Path))
        {
            Assert.NotNull(first);
            Assert.Null(StoreLock.TryAcquire(_directory.Path));
        }

        Assert.Empty(Entries());
    }

    private string[] Entries() =>
        [.. Directory.EnumerateFileSystemEntries(_directory.Path, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_directory.Path, p) + (Directory.Exists(p) ? "/" : ""))
            .Order(StringComparer.Ordinal)];

    public void Dispose() => _directory.Dispose();
}

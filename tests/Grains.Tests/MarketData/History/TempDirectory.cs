using System.Security.Cryptography;

namespace Meridian.Grains.Tests.MarketData.History;

/// <summary>A fresh directory under the system's temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => System.IO.Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "meridian-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A path inside the directory.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> and returns its full path.</summary>
    public string Write(string relative, string text)
    {
        var path = this[relative];
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every file and folder under <paramref name="directory"/> with a hash of each file's bytes, one a line: equal text, equal tree.</summary>
    public static string Fingerprint(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            return "(no directory)";
        var lines = System.IO.Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Select(path => System.IO.Path.GetRelativePath(directory, path) + (File.Exists(path) ? " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "/"))
            .Order(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Path))
            System.IO.Directory.Delete(Path, recursive: true);
    }
}

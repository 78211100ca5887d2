namespace Meridian.Grains.Tests.Backtesting.Reports;

/// <summary>A fresh directory under the system's temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "meridian-report-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Read(string name) => System.IO.File.ReadAllText(File(name));

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}

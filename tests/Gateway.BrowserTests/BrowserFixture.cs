using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Meridian.Gateway.BrowserTests.BrowserFixture))]

namespace Meridian.Gateway.BrowserTests;

/// <summary>
/// One headless Chromium for the whole run: Debian's <c>chromium</c> found on PATH, launched through Playwright's driver
/// (which ships inside the Microsoft.Playwright package). Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The browser; each test opens its own context (cookies, page) in it.</summary>
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var chromium = FindOnPath("chromium")
            ?? throw new InvalidOperationException("the browser tests need Debian's chromium on PATH: apt-get install chromium");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        // Values come from events pushed once a second; a busy shared machine gets some slack.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}

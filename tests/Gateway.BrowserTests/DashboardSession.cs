using System.Runtime.CompilerServices;
using Meridian.Gateway.Tests;
using Microsoft.Playwright;

namespace Meridian.Gateway.BrowserTests;

/// <summary>
/// A browser context and page on the platform's dashboard, which records every console error, page error, failed
/// request and error response, and saves a screenshot when disposed
/// (to <c>$MERIDIAN_ARTIFACTS/screenshots/&lt;test&gt;.png</c>, else <c>&lt;test output&gt;/artifacts/screenshots/</c>).
/// </summary>
public sealed class DashboardSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _testName;
    private readonly List<string> _problems = [];
    private readonly Func<string, bool> _expected;

    private DashboardSession(IBrowserContext context, IPage page, string testName, Func<string, bool> expected)
    {
        _context = context;
        Page = page;
        _testName = testName;
        _expected = expected;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                Record($"console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.RequestFailed += (_, request) => Record($"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                Record($"error response: {response.Request.Method} {response.Url}: {response.Status}");
        };
    }

    /// <summary>The dashboard's page.</summary>
    public IPage Page { get; }

    /// <summary>Where screenshots go.</summary>
    public static string ScreenshotDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("MERIDIAN_ARTIFACTS") is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");

    /// <summary>
    /// Opens a page on the platform; with <paramref name="token"/> signs in first through <c>POST /v1/session</c> (the
    /// cookie lands in the context), so the page connects at once. <paramref name="expected"/> names problems the test expects.
    /// </summary>
    public static async Task<DashboardSession> OpenAsync(
        BrowserFixture browser, Platform platform, string? token, [CallerMemberName] string testName = "", Func<string, bool>? expected = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1600 },
        });
        var session = new DashboardSession(context, await context.NewPageAsync(), testName, expected ?? (_ => false));
        if (token is not null)
        {
            var response = await context.APIRequest.PostAsync("/v1/session", new APIRequestContextOptions { DataObject = new { key = token } });
            if (!response.Ok)
                throw new InvalidOperationException($"POST /v1/session answered {response.Status}");
        }

        await session.Page.GotoAsync("/");
        return session;
    }

    /// <summary>The locator of a data-testid.</summary>
    public ILocator ById(string testId) => Page.GetByTestId(testId);

    /// <summary>Console errors, page errors, failed requests and error responses the test did not expect.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
                return [.. _problems];
        }
    }

    private void Record(string problem)
    {
        if (_expected(problem))
            return;
        lock (_problems)
            _problems.Add(problem);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, _testName + ".png"), FullPage = true });
        }
        finally
        {
            await _context.CloseAsync();
        }
    }
}

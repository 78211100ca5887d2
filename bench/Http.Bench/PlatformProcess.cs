using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Meridian.Bench.Http;

/// <summary>
/// The platform under test in its own process, as <c>./run.sh</c> starts it (silo and gateway, a SQLite file in a fresh
/// data directory, the generated market replayed at a trading day a second so market orders fill), with its admin key.
/// </summary>
internal sealed class PlatformProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private PlatformProcess(Process process, string data, Uri address, string token)
    {
        _process = process;
        _data = data;
        Address = address;
        Token = token;
    }

    public Uri Address { get; }

    public string Token { get; }

    public static async Task<PlatformProcess> StartAsync(string siloDll, int port, int rateLimit, bool replay)
    {
        var data = Path.Combine(Path.GetTempPath(), "meridian-http-bench-" + Guid.NewGuid().ToString("N"));
        var token = ParseToken(await RunToEndAsync(siloDll, data, rateLimit, "keys", "create", "--name", "bench", "--role", "admin"));
        var address = new Uri($"http://127.0.0.1:{port}/");
        var process = Process.Start(replay
            ? Start(siloDll, data, rateLimit, "run", "--synthetic", "--synthetic-symbols", "20", "--listen", address.ToString().TrimEnd('/'))
            : Start(siloDll, data, rateLimit, "run", "--no-replay", "--listen", address.ToString().TrimEnd('/')))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var platform = new PlatformProcess(process, data, address, token);
        await platform.WaitUntilReadyAsync();
        return platform;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the platform exited with code {_process.ExitCode} before it was ready");
            try
            {
                using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the process is starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the platform was not ready within 60 s");
    }

    /// <summary>A symbol the replay is pricing (a Last Price grain is active for it).</summary>
    public static async Task<string> PricedSymbolAsync(HttpClient client)
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(30))
        {
            var types = await client.GetFromJsonAsync<JsonElement>(new Uri("v1/runtime/grain_types", UriKind.Relative));
            var type = types.EnumerateArray().Select(t => t.GetProperty("grain_type").GetString()).FirstOrDefault(t => t == "lastprice");
            if (type is not null)
            {
                var grains = await client.GetFromJsonAsync<JsonElement>(new Uri($"v1/runtime/grains?type={type}&limit=1", UriKind.Relative));
                if (grains.GetArrayLength() > 0)
                    return grains[0].GetProperty("key").GetString()![2..];
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("no symbol was priced within 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleaning.
        }
    }

    private static ProcessStartInfo Start(string siloDll, string data, int rateLimit, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(siloDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["MERIDIAN_DATA"] = data;
        start.Environment["MERIDIAN_RATE_LIMIT"] = rateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    private static async Task<string> RunToEndAsync(string siloDll, string data, int rateLimit, params string[] args)
    {
        using var process = Process.Start(Start(siloDll, data, rateLimit, args))!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"'{string.Join(' ', args)}' failed: {output}{await process.StandardError.ReadToEndAsync()}");
    }

    private static string ParseToken(string output) =>
        output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("token: ", StringComparison.Ordinal))?["token: ".Length..]
        ?? throw new InvalidOperationException($"the keys command printed no token: {output}");
}

using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.MarketData;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Brokers.Alpaca.Tests.MarketData;

/// <summary>Daily bars of two symbols in early January 2024 (stamped at midnight New York, 05:00 UTC, as Alpaca does), and clients of a fake.</summary>
internal static class MarketDataTestData
{
    public static readonly FakeBar[] Aapl =
    [
        FakeBar.Of("2024-01-02T05:00:00Z", 187.15m, 188.44m, 183.89m, 185.64m, 82488700),
        FakeBar.Of("2024-01-03T05:00:00Z", 184.22m, 185.88m, 183.43m, 184.25m, 58414500),
        FakeBar.Of("2024-01-04T05:00:00Z", 182.15m, 183.09m, 180.88m, 181.91m, 71983600),
        FakeBar.Of("2024-01-05T05:00:00Z", 181.99m, 182.76m, 180.17m, 181.18m, 62303300),
    ];

    public static readonly FakeBar[] Msft =
    [
        FakeBar.Of("2024-01-02T05:00:00Z", 373.86m, 375.90m, 366.77m, 370.87m, 25258600),
        FakeBar.Of("2024-01-03T05:00:00Z", 369.01m, 373.26m, 368.51m, 370.60m, 23083500),
        FakeBar.Of("2024-01-04T05:00:00Z", 370.67m, 373.10m, 367.17m, 367.94m, 20901500),
    ];

    public static AlpacaCredentials Credentials(string? secret = null) => new(FakeDataServer.KeyId, secret ?? FakeDataServer.Secret);

    public static AlpacaBarsClient Client(FakeDataServer fake, HttpClient http, string? secret = null, string feed = "iex") =>
        AlpacaBarsClient.Create(http, new AlpacaOptions { DataUrl = fake.BaseUrl, Feed = feed }, Credentials(secret), NullLogger.Instance);

    /// <summary>The settings lookup of a shell with the key and the fake as the data host.</summary>
    public static Func<string, string?> Settings(FakeDataServer fake, string keyName = "ALPACA_API_KEY_ID", string secretName = "ALPACA_API_SECRET_KEY", string? secret = null)
    {
        var values = new Dictionary<string, string>
        {
            [keyName] = FakeDataServer.KeyId,
            [secretName] = secret ?? FakeDataServer.Secret,
            ["MERIDIAN_ALPACA_DATA_URL"] = fake.BaseUrl.ToString(),
        };
        return name => values.GetValueOrDefault(name);
    }
}

/// <summary>A directory of its own under the temp folder, removed afterwards.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("alpaca-md-tests-").FullName;

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file under <paramref name="directory"/> with its bytes, by relative path.</summary>
    public static SortedDictionary<string, string> Snapshot(string directory) =>
        new(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(directory, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

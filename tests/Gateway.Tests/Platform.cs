using System.Net.Http.Headers;
using Meridian.Gateway.Auth;
using Meridian.Gateway.Live;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;
using Meridian.Runtime;
using Meridian.Runtime.Streams;
using Meridian.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Tests;

/// <summary>
/// The platform as <c>run</c> composes it, silo and gateway in one process, on a throwaway SQLite file, listening on a
/// free loopback port: real Kestrel, real HTTP. Starts with an admin key; <see cref="Client"/> makes clients with any key.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;
    private readonly List<HttpClient> _clients = [];

    private Platform(WebApplication app, string directory, Uri address)
    {
        _app = app;
        _directory = directory;
        BaseAddress = address;
    }

    /// <summary>Where the gateway listens (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress { get; }

    /// <summary>An admin key's token (every portfolio).</summary>
    public string AdminToken { get; private set; } = "";

    /// <summary>The host's services (the key store, the audit log, the host database).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The silo's grains, for setting up and for checking state behind the API's back.</summary>
    public IClusterClient Grains => _app.Services.GetRequiredService<IClusterClient>();

    /// <summary>Now on the platform's clock (the silo's and the gateway's): bars and webhook timestamps are dated from it.</summary>
    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>The data directory (the SQLite file lives there).</summary>
    public string DataDirectory => _directory;

    /// <summary>
    /// Starts the platform; <paramref name="configure"/> changes the gateway's options (limits, webhook secret);
    /// <paramref name="clock"/> replaces the gateway's <see cref="TimeProvider"/> (key expiry).
    /// </summary>
    public static async Task<Platform> StartAsync(Action<GatewayOptions>? configure = null, TimeProvider? clock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "meridian-gateway-" + Guid.NewGuid().ToString("N"));
        var options = new GatewayOptions { RequestsPerSecondPerKey = 100_000, BurstPerKey = 100_000 };
        configure?.Invoke(options);
        var app = SiloHost.CreateWithGateway(options, "http://127.0.0.1:0", dataDirectory: directory, services: services =>
        {
            services.AddTradingActivityListener<OrderWatch>();
            if (clock is not null)
                services.AddSingleton(clock);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var platform = new Platform(app, directory, new Uri(address.TrimEnd('/') + "/"));
        platform.AdminToken = await platform.CreateKeyAsync(ApiRole.Admin, "admin");
        return platform;
    }

    /// <summary>Completes when the order has reached <paramref name="status"/>, as the portfolio saw it.</summary>
    public Task WaitForOrderAsync(string clientOrderId, OrderStatus status) =>
        Services.GetRequiredService<OrderWatch>().WaitAsync(clientOrderId, status);

    /// <summary>Creates a key through the key store and returns its token.</summary>
    public async Task<string> CreateKeyAsync(ApiRole role, string name, IReadOnlyList<string>? portfolios = null, DateTimeOffset? expiresAt = null)
    {
        var created = await Services.GetRequiredService<IApiKeyStore>().CreateAsync(name, role, portfolios, expiresAt);
        return created.Token;
    }

    /// <summary>An HTTP client for the gateway sending <paramref name="token"/> as a bearer token (none when null).</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _clients.Add(client);
        return client;
    }

    /// <summary>An HTTP client with the admin key.</summary>
    public HttpClient AdminClient() => Client(AdminToken);

    /// <summary>Opens a portfolio straight on its grain (what an admin's POST /v1/portfolios does).</summary>
    public Task<PortfolioSnapshot> OpenPortfolioAsync(string id, decimal cash = 100_000m, RiskLimits? limits = null) =>
        Grains.GetGrain<IPortfolioGrain>(id).OpenAsync(new PortfolioSettings(Money.Of(cash), limits ?? RiskLimits.None));

    /// <summary>
    /// Publishes a one-minute bar at <paramref name="price"/> (open = high = low = close) on the symbol's market-data
    /// stream: the simulated exchange matches working orders against it and the last price moves to it.
    /// </summary>
    public Task PublishBarAsync(string symbol, decimal price, DateTimeOffset time, decimal volume = 1_000_000m)
    {
        var s = Symbol.Parse(symbol);
        var p = Price.Of(price);
        var stream = Grains.GetStreamProvider(MarketDataStreams.Provider).GetStream<Bar>(StreamId.Create(MarketDataStreams.Bars, symbol));
        return stream.OnNextAsync(new Bar(s, time, TimeSpan.FromMinutes(1), p, p, p, p, volume));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing pool: the temp directory is cleaned by the OS.
        }
    }
}

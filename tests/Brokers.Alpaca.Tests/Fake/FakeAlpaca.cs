using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>
/// A fake of Alpaca's Trading API v2 and its trade-updates WebSocket, served by Kestrel on loopback (real HTTP, real
/// WebSockets), written from Alpaca's published contract (<c>/work/shared/alpaca/NOTES.md</c> §1-2 and the official
/// OpenAPI file), not from any client's assumptions. Tests drive the venue side through the control API
/// (<see cref="Fill"/>, <see cref="Cancel"/>, ...) and break things on purpose with <see cref="Faults"/>.
/// Everything here is thread-safe.
/// </summary>
public sealed partial class FakeAlpaca : IAsyncDisposable
{
    private const string BodyItem = "fake-alpaca.body";
    private const string HeldItem = "fake-alpaca.held";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly FakeOrderBook _book;
    private readonly FakeTradeStream _stream;
    private readonly FakeRequestLog _log = new();
    private readonly FakeRateLimit _rateLimit = new();
    private readonly Lock _lock = new();
    private bool? _marketOpen;
    private int _disposed;

    private FakeAlpaca(string keyId, string secretKey)
    {
        KeyId = keyId;
        SecretKey = secretKey;
        Faults = new FakeFaults();
        _stream = new FakeTradeStream(Faults, keyId, secretKey);
        _book = new FakeOrderBook(_stream, Faults);

        // No configuration sources, no logging: nothing from the machine or the test's directory leaks in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Use(PipelineAsync);
        MapEndpoints(_app);
    }

    /// <summary>Starts a fake on a free loopback port; <paramref name="keyId"/>/<paramref name="secretKey"/> are the only valid keys.</summary>
    public static async Task<FakeAlpaca> StartAsync(string keyId = "PKTEST", string secretKey = "SKTEST")
    {
        var fake = new FakeAlpaca(keyId, secretKey);
        try
        {
            await fake._app.StartAsync();
            var address = fake._app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var port = new Uri(address).Port;
            fake.TradingUrl = new Uri($"http://127.0.0.1:{port}");
            fake.StreamUrl = new Uri($"ws://127.0.0.1:{port}/stream");
            return fake;
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>The trading base URL, <c>http://127.0.0.1:port</c> (paths are <c>/v2/...</c>).</summary>
    public Uri TradingUrl { get; private set; } = null!;

    /// <summary>The trade-updates WebSocket, <c>ws://127.0.0.1:port/stream</c>.</summary>
    public Uri StreamUrl { get; private set; } = null!;

    public string KeyId { get; }

    public string SecretKey { get; }

    /// <summary>What <c>buying_power</c> reports and buys are checked against (qty × limit/stop/current price, or notional). Default 1,000,000; fills move it.</summary>
    public decimal BuyingPower { get => _book.BuyingPower; set => _book.BuyingPower = value; }

    /// <summary>The account's cash. Default 1,000,000; every fill moves it by qty × price.</summary>
    public decimal Cash { get => _book.Cash; set => _book.Cash = value; }

    /// <summary>New orders start <c>new</c> (and emit <c>new</c>); when false they stay <c>accepted</c> until <see cref="Accept"/>.</summary>
    public bool AutoAccept { get => _book.AutoAccept; set => _book.AutoAccept = value; }

    /// <summary>DELETE cancels at once (emits <c>canceled</c>); when false it only moves the order to <c>pending_cancel</c> (emits <c>pending_cancel</c>) until <see cref="Cancel"/>.</summary>
    public bool AutoCancel { get => _book.AutoCancel; set => _book.AutoCancel = value; }

    /// <summary>When a bracket's entry fills, its stop-loss leg goes <c>new</c> too; by default it stays <c>held</c> (NOTES §1.10) while the take-profit goes <c>new</c>.</summary>
    public bool ActivateStopLossLeg { get => _book.ActivateStopLossLeg; set => _book.ActivateStopLossLeg = value; }

    /// <summary>Trade-update frames are binary (UTF-8 JSON) like the paper endpoint; false: text frames.</summary>
    public bool BinaryFrames { get => _stream.BinaryFrames; set => _stream.BinaryFrames = value; }

    /// <summary>Every second stream message longer than 64 bytes is split into three frames (default on).</summary>
    public bool FragmentFrames { get => _stream.FragmentFrames; set => _stream.FragmentFrames = value; }

    /// <summary>Requests per minute before 429 (default 200, Alpaca's limit).</summary>
    public int RateLimitPerMinute { get => _rateLimit.Limit; set => _rateLimit.Limit = value; }

    /// <summary>Forces <c>is_open</c> of <c>GET /v2/clock</c>; null: regular hours, 9:30-16:00 ET on weekdays.</summary>
    public bool? MarketOpen
    {
        get { lock (_lock) { return _marketOpen; } }
        set { lock (_lock) { _marketOpen = value; } }
    }

    public FakeFaults Faults { get; }

    /// <summary>Sockets that are authenticated and listening to trade_updates now.</summary>
    public int ListeningClients => _stream.ListeningClients;

    /// <summary>Every HTTP request so far (not the WebSocket), in the order they finished.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Requests;

    /// <summary>Signed quantity per symbol (negative when short); flat symbols are absent.</summary>
    public IReadOnlyDictionary<string, decimal> Positions => _book.Positions;

    /// <summary>Every order, legs and replacements included, in creation order.</summary>
    public IReadOnlyList<FakeOrderView> Orders => _book.Orders;

    /// <summary>The current price of a symbol (default 100): market buys are checked against it, positions are valued at it. Fills also set it.</summary>
    public void SetPrice(string symbol, decimal price) => _book.SetPrice(symbol, price);

    /// <summary>
    /// The venue executes <paramref name="qty"/> at <paramref name="price"/>: <c>partial_fill</c> or <c>fill</c> by the
    /// cumulative quantity, with a new execution_id; position and cash move. A bracket/oto entry's complete fill
    /// makes its take-profit leg (an OTO's only leg) <c>new</c>; a leg's complete fill cancels its siblings; an OCO's
    /// fill cancels the other order. Throws when the order is final, over-filled, or a leg still held by its entry.
    /// </summary>
    public FakeExecution Fill(string clientOrderId, decimal qty, decimal price) => _book.Fill(clientOrderId, qty, price);

    /// <summary>The venue cancels the order (and the open orders of its bracket/oco/oto group); emits <c>canceled</c> for each. The reason is not on Alpaca's wire.</summary>
    public void Cancel(string clientOrderId, string reason = "venue")
    {
        ArgumentNullException.ThrowIfNull(reason);
        _book.Cancel(clientOrderId);
    }

    /// <summary>The order expires (TIF); emits <c>expired</c>; its open legs are canceled.</summary>
    public void Expire(string clientOrderId) => _book.Expire(clientOrderId);

    /// <summary>The venue rejects the order; emits <c>rejected</c>; its open legs are canceled.</summary>
    public void Reject(string clientOrderId) => _book.Reject(clientOrderId);

    /// <summary>An <c>accepted</c> order (see <see cref="AutoAccept"/>) is routed: <c>new</c>, emits <c>new</c>.</summary>
    public void Accept(string clientOrderId) => _book.Accept(clientOrderId);

    /// <summary>An order made outside the client (web UI, another program): day order, server-generated client_order_id, emits <c>new</c>.</summary>
    public FakeOrderView PlaceExternal(string symbol, string side, decimal qty, string type = "market", decimal? limitPrice = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        if (side is not ("buy" or "sell"))
        {
            throw new ArgumentException("side is buy or sell", nameof(side));
        }

        if (type is not ("market" or "limit") || (type == "limit") != (limitPrice is not null))
        {
            throw new ArgumentException("type is market (no limit price) or limit (with one)", nameof(type));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qty);
        var response = _book.Submit(FakeOrderRequest.External(symbol, side, qty, type, limitPrice), fromPost: false);
        return response.CreatedClientOrderId is { } created
            ? _book.Order(created)!
            : throw new InvalidOperationException("The fake refused the order: " + Encoding.UTF8.GetString(response.Body ?? []));
    }

    /// <summary>The order with this client_order_id (legs and replacements have their own), or null.</summary>
    public FakeOrderView? Order(string clientOrderId) => _book.Order(clientOrderId);

    /// <summary>How many orders <c>POST /v2/orders</c> created with this client_order_id (Alpaca's uniqueness rule keeps it at most 1).</summary>
    public int CreatedCount(string clientOrderId) => _book.CreatedCount(clientOrderId);

    /// <summary>How many <c>POST /v2/orders</c> requests carried this client_order_id, whatever they were answered (401, 429, 503, 422, ...).</summary>
    public int PostAttempts(string clientOrderId) => _book.PostAttempts(clientOrderId);

    /// <summary>Completes when at least <paramref name="count"/> sockets are authenticated and listening.</summary>
    public Task WaitForListeningClientsAsync(int count, CancellationToken ct) => _stream.WaitForListeningClientsAsync(count, ct);

    /// <summary>Completes with the first recorded request that matches: one already answered, or the next one to be.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, CancellationToken ct) => _log.WaitForAsync(match, ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Releases held requests and WebSocket loops first, so Kestrel has nothing to wait for.
        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Kestrel gave up waiting on a connection; it is closed anyway.
            }
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>
    /// Every HTTP request: recorded; rate-limit headers; keys checked (401); then the fault plan (429, 503); then the
    /// endpoint.
    /// </summary>
    private async Task PipelineAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/stream", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var arrived = DateTimeOffset.UtcNow;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value + request.QueryString.Value;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        context.Items[BodyItem] = body;
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method) && path == "/v2/orders")
        {
            _book.CountPostAttempt(ClientOrderIdOf(body));
        }

        try
        {
            var authorized = request.Headers["APCA-API-KEY-ID"] == KeyId && request.Headers["APCA-API-SECRET-KEY"] == SecretKey;
            var window = _rateLimit.Take(authorized);
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = window.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = window.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = window.Reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!authorized)
            {
                await WriteAsync(context, 401, FakeWire.Error(40110000, "request is not authorized"));
            }
            else if (Faults.TryTakeRateLimit(out var resetIn))
            {
                var resetAt = (long)Math.Ceiling(DateTimeOffset.UtcNow.Add(resetIn).ToUnixTimeMilliseconds() / 1000.0);
                headers["X-RateLimit-Remaining"] = "0";
                headers["X-RateLimit-Reset"] = resetAt.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteAsync(context, 429, FakeWire.Error(42910000, "rate limit exceeded"));
            }
            else if (window.Exceeded)
            {
                await WriteAsync(context, 429, FakeWire.Error(42910000, "rate limit exceeded"));
            }
            else if (Faults.TryTakeServerError(path, request.Method))
            {
                await WriteAsync(context, 503, ServerError(503));
            }
            else
            {
                await next(context);
            }
        }
        finally
        {
            var held = context.Items.ContainsKey(HeldItem);
            _log.Add(new RecordedRequest(request.Method, target, path, body, held ? 0 : context.Response.StatusCode, arrived));
        }
    }

    private static string? ClientOrderIdOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("client_order_id", out var id) && id.ValueKind == JsonValueKind.String
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] ServerError(int status) => FakeWire.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("message", status switch
        {
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            _ => "Service Unavailable",
        });
        w.WriteEndObject();
    });

    private static async Task WriteAsync(HttpContext context, int status, byte[]? body)
    {
        context.Response.StatusCode = status;
        if (body is null)
        {
            return;
        }

        context.Response.ContentType = "application/json; charset=UTF-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}

using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.Tests.MarketData;

/// <summary>One bar the fake serves: its open time and its JSON object as Alpaca would send it (or a broken one).</summary>
internal sealed record FakeBar(DateTimeOffset Time, string Json)
{
    /// <summary>A bar with every field of the spec's <c>stock_bar</c> (t, o, h, l, c, v, n, vw), in Alpaca's field order.</summary>
    public static FakeBar Of(string time, decimal open, decimal high, decimal low, decimal close, long volume)
    {
        var t = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
        var vw = decimal.Round((high + low + close) / 3m, 6);
        return new(t, string.Create(CultureInfo.InvariantCulture,
            $$"""{"c":{{close}},"h":{{high}},"l":{{low}},"n":{{volume / 10}},"o":{{open}},"t":"{{time}}","v":{{volume}},"vw":{{vw}}}"""));
    }
}

/// <summary>What happened on the fake's data stream, in order.</summary>
internal sealed record StreamEvent(string Kind, int Connection, IReadOnlyList<string>? Bars = null, IReadOnlyList<string>? Trades = null);

/// <summary>
/// A fake of Alpaca's market data API on loopback (Kestrel, real HTTP and WebSocket), written from
/// market-data-api.json and NOTES.md §3, not from the client:
/// <list type="bullet">
/// <item><c>GET /v2/stocks/bars</c> checks the key headers (401), every parameter against the spec (400 naming it),
/// refuses recent SIP data without a subscription (403), serves the bars sorted by symbol then time, at most
/// <c>limit</c> (and at most <see cref="PageSize"/>: "the API may return less") per page, with an opaque
/// <c>next_page_token</c>; scripted answers (429 and others) go first.</item>
/// <item><c>/v2/{feed}</c> speaks the stream protocol: greeting, auth (402 on a wrong key, 406 when another connection
/// is authenticated), subscribe (answered with the full subscription set), 401 for subscribing before auth, 400 for
/// invalid syntax. Tests push frames to the live connection, drop it, or have the next authentication refused.</item>
/// </list>
/// </summary>
internal sealed class FakeDataServer : IAsyncDisposable
{
    public const string KeyId = "PKFAKEKEY0001";
    public const string Secret = "fake-secret-do-not-print";

    private static readonly string[] s_adjustments = ["raw", "split", "dividend", "spin-off", "all"];
    private static readonly string[] s_feeds = ["iex", "otc", "sip", "boats"];
    private static readonly string[] s_channels = ["trades", "quotes", "bars", "updatedBars", "dailyBars", "statuses", "lulds", "corrections", "cancelErrors"];
    private static readonly Regex s_timeframe = new(@"^(([1-9]|[1-5][0-9])(Min|T)|([1-9]|1[0-9]|2[0-3])(Hour|H)|1(Day|D)|1(Week|W)|(1|2|3|4|6|12)(Month|M))$", RegexOptions.CultureInvariant);

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<FakeBar>> _bars = new(StringComparer.Ordinal);
    private readonly Queue<(int Status, string Body)> _scripted = new();
    private readonly List<Dictionary<string, string>> _barRequests = [];
    private readonly Queue<int> _refuseAuth = new();
    private int _silent;
    private readonly Channel<StreamEvent> _events = Channel.CreateUnbounded<StreamEvent>();
    private StreamConnection? _active;
    private int _connections;

    private FakeDataServer(WebApplication app) => _app = app;

    /// <summary>The data host.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The real-time stream of the IEX feed.</summary>
    public Uri StreamUrl => new($"ws://{BaseUrl.Authority}/v2/iex");

    /// <summary>The most bars one page holds, whatever the limit (Alpaca may return fewer than asked).</summary>
    public int PageSize { get; set; } = 10_000;

    /// <summary>Whether the key's plan includes recent SIP data (the free plan does not).</summary>
    public bool SipSubscription { get; set; }

    /// <summary>Connections made to the stream so far.</summary>
    public int StreamConnections => Volatile.Read(ref _connections);

    /// <summary>The query of every bars request that reached the data (not the scripted ones), in order.</summary>
    public IReadOnlyList<Dictionary<string, string>> BarRequests
    {
        get
        {
            lock (_lock)
                return [.. _barRequests];
        }
    }

    /// <summary>Every bars request, scripted answers included.</summary>
    public int BarRequestCount { get; private set; }

    public static async Task<FakeDataServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeDataServer(app);
        app.UseWebSockets();
        app.MapGet("/v2/stocks/bars", server.BarsAsync);
        app.Map("/v2/{feed}", server.StreamAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>Adds bars of <paramref name="symbol"/> (kept in time order).</summary>
    public void AddBars(string symbol, params FakeBar[] bars)
    {
        lock (_lock)
        {
            if (!_bars.TryGetValue(symbol, out var list))
                _bars[symbol] = list = [];
            list.AddRange(bars);
            list.Sort((a, b) => a.Time.CompareTo(b.Time));
        }
    }

    /// <summary>The next <paramref name="count"/> bars requests get <paramref name="status"/> with <paramref name="body"/>.</summary>
    public void Script(int status, string body, int count = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
                _scripted.Enqueue((status, body));
        }
    }

    /// <summary>The next stream authentication is answered with error <paramref name="code"/> and the connection closed.</summary>
    public void RefuseNextAuthentication(int code)
    {
        lock (_lock)
            _refuseAuth.Enqueue(code);
    }

    /// <summary>The next stream connection is accepted and then never spoken to (no greeting, no answers).</summary>
    public void SilenceNextConnection() => Interlocked.Increment(ref _silent);

    /// <summary>The next stream event, skipping none; fails the test when none comes in time.</summary>
    public async Task<StreamEvent> NextEventAsync(CancellationToken cancellationToken) => await _events.Reader.ReadAsync(cancellationToken);

    /// <summary>Reads stream events until one of <paramref name="kind"/>.</summary>
    public async Task<StreamEvent> WaitForAsync(string kind, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await NextEventAsync(cancellationToken);
            if (next.Kind == kind)
                return next;
        }
    }

    /// <summary>Sends a text frame to the authenticated connection.</summary>
    public Task SendAsync(string json, CancellationToken cancellationToken) =>
        Live().SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, cancellationToken);

    /// <summary>Sends <paramref name="json"/> as a binary message in two frames (the client must put them together).</summary>
    public async Task SendBinaryInTwoFramesAsync(string json, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await Live().SendFramesAsync(bytes[..(bytes.Length / 2)], bytes[(bytes.Length / 2)..], cancellationToken);
    }

    /// <summary>Cuts the authenticated connection without a close handshake (a network drop).</summary>
    public void Drop()
    {
        var connection = Live();
        lock (_lock)
            _active = null;
        connection.Context.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private StreamConnection Live()
    {
        lock (_lock)
            return _active ?? throw new InvalidOperationException("no authenticated stream connection");
    }

    // ---- REST: GET /v2/stocks/bars ----

    private async Task BarsAsync(HttpContext context)
    {
        (int Status, string Body)? scripted = null;
        lock (_lock)
        {
            BarRequestCount++;
            if (_scripted.Count > 0)
                scripted = _scripted.Dequeue();
        }
        if (scripted is { } answer)
        {
            if (answer.Status == 429)
            {
                context.Response.Headers["X-RateLimit-Limit"] = "200";
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            }
            await WriteAsync(context, answer.Status, answer.Body);
            return;
        }
        if (context.Request.Headers["APCA-API-KEY-ID"] != KeyId || context.Request.Headers["APCA-API-SECRET-KEY"] != Secret)
        {
            await WriteAsync(context, 401, """{"code":40110000,"message":"request is not authorized"}""");
            return;
        }
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        lock (_lock)
            _barRequests.Add(query);
        if (Invalid(query) is { } problem)
        {
            await WriteAsync(context, 400, JsonSerializer.Serialize(new { code = 40010001, message = problem }));
            return;
        }
        var feed = query.GetValueOrDefault("feed", "sip");
        var end = query.TryGetValue("end", out var endText) ? ParseTime(endText, endOfDay: true)!.Value : DateTimeOffset.UtcNow;
        if (feed == "sip" && !SipSubscription && end > DateTimeOffset.UtcNow.AddMinutes(-15))
        {
            await WriteAsync(context, 403, """{"message":"subscription does not permit querying recent SIP data"}""");
            return;
        }
        await WriteAsync(context, 200, Page(query, end));
    }

    /// <summary>The page the query asks for: bars sorted by symbol, then time; the token says where the next page starts.</summary>
    private string Page(Dictionary<string, string> query, DateTimeOffset end)
    {
        var start = query.TryGetValue("start", out var startText) ? ParseTime(startText, endOfDay: false)!.Value : DateTimeOffset.UtcNow.Date;
        var descending = query.GetValueOrDefault("sort") == "desc";
        var limit = query.TryGetValue("limit", out var limitText) ? int.Parse(limitText, CultureInfo.InvariantCulture) : 1000;
        List<(string Symbol, FakeBar Bar)> all;
        lock (_lock)
        {
            all = [.. query["symbols"].Split(',').Distinct().Order(StringComparer.Ordinal)
                .SelectMany(symbol => (_bars.GetValueOrDefault(symbol) ?? [])
                    .Where(b => b.Time >= start && b.Time <= end)
                    .OrderBy(b => descending ? -b.Time.UtcTicks : b.Time.UtcTicks)
                    .Select(b => (symbol, b)))];
        }
        var from = 0;
        if (query.TryGetValue("page_token", out var token))
        {
            var at = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            from = all.FindIndex(x => x.Symbol == at[0] && x.Bar.Time.UtcTicks == long.Parse(at[1], CultureInfo.InvariantCulture));
        }
        var page = all.Skip(from).Take(Math.Min(limit, PageSize)).ToList();
        var next = from + page.Count < all.Count ? all[from + page.Count] : default;
        var json = new StringBuilder("{\"bars\":{");
        foreach (var (group, index) in page.GroupBy(x => x.Symbol).Select((g, i) => (g, i)))
        {
            json.Append(index > 0 ? "," : "").Append('"').Append(group.Key).Append("\":[");
            json.AppendJoin(',', group.Select(x => x.Bar.Json)).Append(']');
        }
        json.Append("},\"next_page_token\":");
        json.Append(next.Symbol is null ? "null" : $"\"{Convert.ToBase64String(Encoding.UTF8.GetBytes($"{next.Symbol}|{next.Bar.Time.UtcTicks}"))}\"");
        return json.Append(",\"currency\":\"USD\"}").ToString();
    }

    /// <summary>What the spec says is wrong with the query, naming the parameter as Alpaca's messages do; null when valid.</summary>
    private static string? Invalid(Dictionary<string, string> query)
    {
        if (!query.TryGetValue("symbols", out var symbols) || symbols.Length == 0)
            return "missing symbols";
        if (!query.TryGetValue("timeframe", out var timeframe))
            return "missing timeframe";
        if (!s_timeframe.IsMatch(timeframe))
            return $"invalid timeframe: {timeframe}";
        foreach (var name in new[] { "start", "end" })
        {
            if (query.TryGetValue(name, out var text) && ParseTime(text, false) is null)
                return $"invalid {name}: {text}";
        }
        if (query.TryGetValue("limit", out var limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 10_000))
            return $"invalid limit: {limit}";
        if (query.TryGetValue("adjustment", out var adjustment) && adjustment.Split(',').Any(a => !s_adjustments.Contains(a)))
            return $"invalid adjustment: {adjustment}";
        if (query.TryGetValue("feed", out var feed) && !s_feeds.Contains(feed))
            return $"invalid feed: {feed}";
        if (query.TryGetValue("sort", out var sort) && sort is not ("asc" or "desc"))
            return $"invalid sort: {sort}";
        return null;
    }

    /// <summary>RFC-3339 or YYYY-MM-DD (a date as an end takes the whole day); null when neither.</summary>
    private static DateTimeOffset? ParseTime(string text, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0).AddTicks(endOfDay ? -1 : 0);
        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    // ---- the real-time stream: /v2/{feed} ----

    private async Task StreamAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        var number = Interlocked.Increment(ref _connections);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new StreamConnection(socket, context);
        _events.Writer.TryWrite(new StreamEvent("connected", number));
        var authenticated = false;
        var subscriptions = s_channels.ToDictionary(c => c, _ => new SortedSet<string>(StringComparer.Ordinal));
        try
        {
            if (Interlocked.Decrement(ref _silent) >= 0)
            {
                _events.Writer.TryWrite(new StreamEvent("silent", number));
                while (await connection.ReceiveAsync() is not null)
                {
                }
                return;
            }
            Interlocked.Exchange(ref _silent, 0);
            await connection.SendTextAsync("""[{"T":"success","msg":"connected"}]""");
            while (await connection.ReceiveAsync() is { } text)
            {
                JsonElement request;
                try
                {
                    request = JsonDocument.Parse(text).RootElement;
                }
                catch (JsonException)
                {
                    await connection.SendTextAsync("""[{"T":"error","code":400,"msg":"invalid syntax"}]""");
                    continue;
                }
                var action = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                if (action == "auth")
                {
                    int? refusal;
                    lock (_lock)
                        refusal = _refuseAuth.Count > 0 ? _refuseAuth.Dequeue() : _active is not null ? 406 : null;
                    var keyOk = request.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == KeyId
                        && request.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.String && secret.GetString() == Secret;
                    if (authenticated)
                        await connection.SendTextAsync("""[{"T":"error","code":403,"msg":"already authenticated"}]""");
                    else if (!keyOk || refusal is not null)
                    {
                        var code = keyOk ? refusal!.Value : 402;
                        var msg = code switch { 402 => "auth failed", 406 => "connection limit exceeded", 409 => "insufficient subscription", _ => "internal error" };
                        _events.Writer.TryWrite(new StreamEvent($"refused {code}", number));
                        await connection.SendTextAsync($$"""[{"T":"error","code":{{code}},"msg":"{{msg}}"}]""");
                        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, msg, CancellationToken.None);
                        return;
                    }
                    else
                    {
                        authenticated = true;
                        lock (_lock)
                            _active = connection;
                        await connection.SendTextAsync("""[{"T":"success","msg":"authenticated"}]""");
                        _events.Writer.TryWrite(new StreamEvent("authenticated", number));
                    }
                }
                else if (action is "subscribe" or "unsubscribe")
                {
                    if (!authenticated)
                    {
                        await connection.SendTextAsync("""[{"T":"error","code":401,"msg":"not authenticated"}]""");
                        continue;
                    }
                    if (!Apply(request, action == "subscribe", subscriptions))
                    {
                        await connection.SendTextAsync("""[{"T":"error","code":400,"msg":"invalid syntax"}]""");
                        continue;
                    }
                    var answer = new Dictionary<string, object> { ["T"] = "subscription" };
                    foreach (var (channel, set) in subscriptions)
                        answer[channel] = set.ToArray();
                    await connection.SendTextAsync(JsonSerializer.Serialize(new[] { answer }));
                    _events.Writer.TryWrite(new StreamEvent("subscribed", number, [.. subscriptions["bars"]], [.. subscriptions["trades"]]));
                }
                else
                    await connection.SendTextAsync("""[{"T":"error","code":400,"msg":"invalid syntax"}]""");
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            // The client went away, or the test dropped the connection.
        }
        finally
        {
            lock (_lock)
            {
                if (_active == connection)
                    _active = null;
            }
            _events.Writer.TryWrite(new StreamEvent("closed", number));
        }
    }

    /// <summary>Adds (or removes) the request's channels; false when a channel is not an array of strings.</summary>
    private static bool Apply(JsonElement request, bool add, Dictionary<string, SortedSet<string>> subscriptions)
    {
        foreach (var property in request.EnumerateObject().Where(p => p.Name != "action"))
        {
            if (!subscriptions.TryGetValue(property.Name, out var set) || property.Value.ValueKind != JsonValueKind.Array
                || property.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                return false;
            foreach (var symbol in property.Value.EnumerateArray().Select(v => v.GetString()!))
            {
                if (add)
                    set.Add(symbol);
                else
                    set.Remove(symbol);
            }
        }
        return true;
    }

    /// <summary>One stream connection; sends are one at a time (the protocol loop and the test both send).</summary>
    private sealed class StreamConnection(WebSocket socket, HttpContext context) : IDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public void Dispose() => _sending.Dispose();

        public HttpContext Context => context;

        public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, CancellationToken.None);

        public async Task SendAsync(byte[] bytes, WebSocketMessageType type, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(bytes, type, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _sending.Release();
            }
        }

        public async Task SendFramesAsync(byte[] first, byte[] second, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(first, WebSocketMessageType.Binary, endOfMessage: false, cancellationToken);
                await socket.SendAsync(second, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _sending.Release();
            }
        }

        /// <summary>The next whole message as text; null when the client closed.</summary>
        public async Task<string?> ReceiveAsync()
        {
            var buffer = new byte[4096];
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                    return null;
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                    return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }
}

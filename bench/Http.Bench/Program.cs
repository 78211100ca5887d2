using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Meridian.Bench.Http;

// bench/run.sh http [--connections N] [--seconds N] [--warmup-seconds N] [--portfolios N] [--port N]
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => int.Parse(p[1], CultureInfo.InvariantCulture));
var connections = options.GetValueOrDefault("connections", 64);
var seconds = options.GetValueOrDefault("seconds", 10);
var warmup = options.GetValueOrDefault("warmup-seconds", 3);
var portfolios = options.GetValueOrDefault("portfolios", 64);
var port = options.GetValueOrDefault("port", 5099);
// --replay 0 (default): no market data, resting limit orders over one symbol per portfolio; --replay 1: the generated market is replayed and market orders fill.
var replay = options.GetValueOrDefault("replay", 0) == 1;
var siloDll = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "Silo", "bin", "Release", "net10.0", "Meridian.Silo.dll");

await using var platform = await PlatformProcess.StartAsync(Path.GetFullPath(siloDll), port, rateLimit: 10_000_000, replay);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { BaseAddress = platform.Address };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.Token);

// Each symbol has one simulated-exchange grain, which handles its orders one at a time, durably: spread the load.
var symbols = replay ? [await PlatformProcess.PricedSymbolAsync(client)] : Enumerable.Range(0, portfolios).Select(i => $"BENCH{i}").ToArray();
for (var p = 0; p < portfolios; p++)
{
    using var open = await client.PostAsync(new Uri("v1/portfolios", UriKind.Relative), Json(
        "{\"id\":\"bench-" + p.ToString(CultureInfo.InvariantCulture) + "\",\"starting_cash\":\"1000000000\",\"risk_limits\":{\"allow_short_selling\":true,\"margin_multiplier\":\"4\"}}"));
    open.EnsureSuccessStatusCode();
}
Console.WriteLine($"platform ready at {platform.Address}; {portfolios} portfolios trading {string.Join(",", symbols.Take(3))}{(symbols.Length > 3 ? ", ..." : "")}; {connections} connections");

var orderType = replay ? "\"type\":\"market\"," : "\"type\":\"limit\",\"limit_price\":\"1\",";
var orders = await Load.RunAsync(connections, warmup, seconds, (worker, n) =>
{
    var side = n % 2 == 0 ? "buy" : "sell";
    var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v1/orders", UriKind.Relative))
    {
        Content = Json($$"""{"client_order_id":"b{{worker}}-{{n}}","portfolio_id":"bench-{{worker % portfolios}}","symbol":"{{symbols[(int)((worker + n) % symbols.Length)]}}","side":"{{side}}","qty":"1",{{orderType}}"time_in_force":"day"}"""),
    };
    return request;
}, client, expected: HttpStatusCode.OK);
var baseline = await Load.RunAsync(connections, warmup, seconds, (_, _) => new HttpRequestMessage(HttpMethod.Get, new Uri("v1/whoami", UriKind.Relative)), client, HttpStatusCode.OK);

Console.WriteLine($"orders: {orders.Completed} in {orders.Seconds:0.0} s, {orders.Unexpected} not 200 ({orders.UnexpectedSample}); p50 {orders.P50Ms:0.00} ms, p99 {orders.P99Ms:0.00} ms, p99.9 {orders.P999Ms:0.00} ms");
Console.WriteLine($"baseline GET /v1/whoami: {baseline.Completed} in {baseline.Seconds:0.0} s; p50 {baseline.P50Ms:0.00} ms, p99 {baseline.P99Ms:0.00} ms");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"http: orders_per_s={orders.PerSecond:0} p50_ms={orders.P50Ms:0.00} p99_ms={orders.P99Ms:0.00} baseline_rps={baseline.PerSecond:0}"));
return 0;

static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

using System.Net;
using System.Text;
using System.Text.Json;
using Meridian.Grains.Portfolios;

namespace Meridian.Gateway.Tests.Api;

public sealed class FuzzTests
{
    private const int Requests = 10_400;

    [Fact]
    public async Task Ten_thousand_malformed_or_hostile_requests_all_get_a_4xx_problem_change_nothing_and_the_gateway_keeps_serving()
    {
        await using var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync("p1");
        await platform.PublishBarAsync("AAPL", 100m, platform.Now);
        var client = platform.AdminClient();
        var (opened, _) = await client.PostAsync("/v1/orders",
            """{"client_order_id":"open-1","portfolio_id":"p1","symbol":"AAPL","side":"buy","qty":"1","type":"limit","limit_price":"50","time_in_force":"gtc"}""");
        Assert.Equal(HttpStatusCode.OK, opened);
        var before = await StateAsync(platform, client);

        var failures = new List<string>();
        var kinds = new Dictionary<string, int>();
        var requests = new HostileRequests(seed: 20261121).Take(Requests).ToList();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ApiJson.Cancel }, async (hostile, cancel) =>
        {
            using var request = new HttpRequestMessage(hostile.Method, hostile.Path);
            if (hostile.Body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(hostile.Body));
                if (hostile.ContentType is not null)
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
            }
            using var response = await client.SendAsync(request, cancel);
            var status = (int)response.StatusCode;
            var media = response.Content.Headers.ContentType?.MediaType;
            var body = await response.Content.ReadAsStringAsync(cancel);
            var problem = media == "application/problem+json" && IsProblem(body, status);
            lock (failures)
            {
                kinds[hostile.Kind] = kinds.GetValueOrDefault(hostile.Kind) + 1;
                if (status is < 400 or > 499 || !problem)
                    failures.Add($"{status} {media}: {hostile}");
            }
        });

        Assert.True(failures.Count == 0, $"{failures.Count} answers were not 4xx problems, e.g.:\n{string.Join("\n", failures.Take(10))}");
        Assert.Equal(12, kinds.Count);
        Assert.All(kinds.Values, n => Assert.True(n > 500));
        Assert.Equal(before, await StateAsync(platform, client));
        var (after, _) = await client.PostAsync("/v1/orders",
            """{"client_order_id":"after-1","portfolio_id":"p1","symbol":"AAPL","side":"buy","qty":"1","type":"limit","limit_price":"50"}""");
        Assert.Equal(HttpStatusCode.OK, after);
    }

    private static bool IsProblem(string body, int status)
    {
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            return json.GetProperty("status").GetInt32() == status && json.GetProperty("code").GetString() is { Length: > 0 } && json.TryGetProperty("title", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>What a hostile request could have changed: the portfolio, its limits and open orders, the orders, the keys.</summary>
    private static async Task<string> StateAsync(Platform platform, HttpClient client)
    {
        var portfolio = platform.Grains.GetGrain<IPortfolioGrain>("p1");
        var snapshot = await portfolio.GetAsync();
        var (_, orders) = await client.GetJsonAsync("/v1/orders?status=all&limit=500");
        var (_, keys) = await client.GetJsonAsync("/v1/keys");
        var (_, portfolios) = await client.GetJsonAsync("/v1/portfolios");
        return string.Join("|",
            snapshot.Cash, snapshot.TradingState, snapshot.OpenOrderCount, snapshot.Positions.Count,
            JsonSerializer.Serialize(await portfolio.GetRiskLimitsAsync()),
            orders.GetRawText(), keys.GetRawText(), portfolios.GetRawText());
    }
}

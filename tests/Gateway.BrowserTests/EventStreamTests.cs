using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Meridian.Gateway.Tests;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;

namespace Meridian.Gateway.BrowserTests;

/// <summary>GET /v1/events read as a plain HTTP client would, and the page's assets.</summary>
public sealed class EventStreamTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_stream_sends_a_snapshot_first_then_an_order_event_when_an_order_is_submitted()
    {
        await using var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync("p-sse");
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(s_patience);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await platform.AdminClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, patience.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync(patience.Token);
        await using var events = SseParser.Create(body).EnumerateAsync(patience.Token).GetAsyncEnumerator(patience.Token);

        Assert.True(await events.MoveNextAsync());
        Assert.Equal("snapshot", events.Current.EventType);
        using (var snapshot = JsonDocument.Parse(events.Current.Data))
        {
            Assert.Equal("admin", snapshot.RootElement.GetProperty("caller").GetProperty("role").GetString());
            Assert.Equal(JsonValueKind.Array, snapshot.RootElement.GetProperty("orders").ValueKind);
        }

        await platform.Grains.GetGrain<IPortfolioGrain>("p-sse").SubmitOrderAsync(new OrderRequest(
            "o-sse-1", "p-sse", Symbol.Parse("MSFT"), Side.Buy, Quantity.Of(5m), OrderType.Limit, TimeInForce.Gtc, LimitPrice: Price.Of(250.5m)));

        JsonElement order;
        while (true)
        {
            Assert.True(await events.MoveNextAsync(), "the stream ended before the order event");
            if (events.Current.EventType != "order")
                continue;
            order = JsonDocument.Parse(events.Current.Data).RootElement;
            if (order.GetProperty("client_order_id").GetString() == "o-sse-1")
                break;
        }

        Assert.Equal("p-sse", order.GetProperty("portfolio_id").GetString());
        Assert.Equal("MSFT", order.GetProperty("symbol").GetString());
        Assert.Equal("buy", order.GetProperty("side").GetString());
        Assert.Equal("5", order.GetProperty("qty").GetString());
        Assert.Equal("0", order.GetProperty("filled_qty").GetString());
        Assert.Equal("limit", order.GetProperty("type").GetString());
        Assert.Equal("250.5", order.GetProperty("limit_price").GetString());
        Assert.Equal("submitted", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_stream_refuses_a_request_without_a_key()
    {
        await using var platform = await Platform.StartAsync();
        using var response = await platform.Client(null).GetAsync("/v1/events", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_page_and_its_assets_are_served_without_a_key_under_a_strict_content_security_policy()
    {
        await using var platform = await Platform.StartAsync();
        var client = platform.Client(null);
        foreach (var (path, type) in new[]
        {
            ("/", "text/html"), ("/dashboard/dashboard.js", "text/javascript"), ("/dashboard/dashboard.css", "text/css"), ("/dashboard/favicon.svg", "image/svg+xml"),
        })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        }

        using var missing = await client.GetAsync("/dashboard/no-such-file.js", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

using System.Net;
using Meridian.Gateway.Auth;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Meridian.Gateway.Tests.Telemetry;

/// <summary>The trading meter is process-wide: tests that count orders run alone, so no other test's orders are counted.</summary>
[CollectionDefinition(nameof(OrderCounting), DisableParallelization = true)]
public sealed class OrderCounting;

[Collection(nameof(OrderCounting))]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_count_the_orders_submitted_filled_and_denied()
    {
        await using var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync("p-metrics", limits: RiskLimits.None with { MaxOrderQuantity = 100 });
        var portfolio = platform.Grains.GetGrain<IPortfolioGrain>("p-metrics");
        var now = platform.Now;
        await platform.PublishBarAsync("MSFT", 200m, now);

        string[] ids = ["m-1", "m-2", "m-3"];
        var filled = ids.Select(id => platform.WaitForOrderAsync(id, OrderStatus.Filled)).ToArray();
        foreach (var id in ids)
            await portfolio.SubmitOrderAsync(new OrderRequest(id, "p-metrics", Symbol.Parse("MSFT"), Side.Buy, Quantity.Of(10), OrderType.Limit, LimitPrice: Price.Of(205m)));
        var denied = await portfolio.SubmitOrderAsync(new OrderRequest("m-big", "p-metrics", Symbol.Parse("MSFT"), Side.Buy, Quantity.Of(1_000), OrderType.Limit, LimitPrice: Price.Of(205m)));
        await platform.PublishBarAsync("MSFT", 201m, now.AddMinutes(1));
        await Task.WhenAll(filled);

        using var response = await platform.Client(await platform.CreateKeyAsync(ApiRole.Viewer, "scraper")).GetAsync("/metrics", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("version=0.0.4", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var samples = PrometheusText.Parse(text);
        Assert.Equal(OrderStatus.Denied, denied.Status);
        Assert.Equal(3, samples["meridian_orders_submitted_total"]);
        Assert.Equal(3, samples["meridian_orders_filled_total"]);
        Assert.Equal(1, samples[$"meridian_orders_denied_total{{reason=\"{denied.DenialCode}\"}}"]);
        Assert.Equal(4, samples["meridian_risk_check_duration_count"]);
        Assert.Contains(samples.Keys, k => k.StartsWith("meridian_grain_calls_total{grain_type=\"IPortfolioGrain\",method=\"SubmitOrderAsync\"}", StringComparison.Ordinal));
        Assert.Contains(samples.Keys, k => k.StartsWith("meridian_grain_activations{grain_type=", StringComparison.Ordinal));
        Assert.True(samples["process_working_set_bytes"] > 0);
    }

    [Fact]
    public async Task Requests_are_timed_by_route_template_method_and_status()
    {
        await using var platform = await Platform.StartAsync();
        var client = platform.AdminClient();
        using (await client.GetAsync("/v1/orders/nope", TestContext.Current.CancellationToken))
        {
        }

        var samples = PrometheusText.Parse(await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken));

        Assert.True(samples["meridian_http_request_duration_count{method=\"GET\",route=\"/v1/orders/{client_order_id}\",status=\"404\"}"] >= 1);
    }

    [Fact]
    public async Task Metrics_need_a_key()
    {
        await using var platform = await Platform.StartAsync();
        using var response = await platform.Client(null).GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_otlp_exporter_is_configured_only_when_an_endpoint_is_set()
    {
        await using (var without = await Platform.StartAsync())
            Assert.Null(without.Services.GetService<MeterProvider>());
        await using var with = await Platform.StartAsync(o => o.OtlpEndpoint = new Uri("http://127.0.0.1:4317"));
        Assert.NotNull(with.Services.GetService<MeterProvider>());
    }
}

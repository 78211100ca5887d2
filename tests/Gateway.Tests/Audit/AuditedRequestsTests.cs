using System.Net.Http.Json;
using Meridian.Gateway.Audit;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Tests.Audit;

public sealed class AuditedRequestsTests
{
    private static async Task<IReadOnlyList<AuditEntry>> FlushedEntriesAsync(Platform platform)
    {
        await platform.Services.GetRequiredService<IAuditLog>().FlushAsync(TestContext.Current.CancellationToken);
        var entries = new List<AuditEntry>();
        await foreach (var e in AuditTable.ReadAllAsync(platform.Services.GetRequiredService<HostDatabase>(), cancellationToken: TestContext.Current.CancellationToken))
            entries.Add(e);
        return entries;
    }

    [Fact]
    public async Task A_mutating_request_is_recorded_with_its_caller_route_target_and_status()
    {
        await using var platform = await Platform.StartAsync();

        using var response = await platform.AdminClient().DeleteAsync("/v1/orders/no-such-order", TestContext.Current.CancellationToken);

        var entries = await FlushedEntriesAsync(platform);
        var entry = Assert.Single(entries, e => e.Action == "DELETE /v1/orders/{client_order_id}");
        Assert.Equal("no-such-order", entry.Target);
        Assert.Equal(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Result);
        Assert.StartsWith("admin (", entry.Actor, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"/v1/orders/no-such-order\"", entry.Detail, StringComparison.Ordinal);
        Assert.True(AuditVerifier.Verify(entries).Intact);
    }

    [Fact]
    public async Task Reads_are_not_recorded_and_anonymous_writes_are()
    {
        await using var platform = await Platform.StartAsync();

        using var read = await platform.AdminClient().GetAsync("/v1/orders", TestContext.Current.CancellationToken);
        using var anonymous = await platform.Client(null).PostAsync("/v1/orders", JsonContent.Create(new { }), TestContext.Current.CancellationToken);

        var entries = await FlushedEntriesAsync(platform);
        Assert.DoesNotContain(entries, e => e.Action.StartsWith("GET", StringComparison.Ordinal));
        var entry = Assert.Single(entries, e => e.Action == "POST /v1/orders" && e.Actor == "anonymous");
        Assert.Equal("anonymous", entry.Actor);
        Assert.Equal("401", entry.Result);
    }

    [Fact]
    public async Task Creating_a_key_is_recorded_without_the_key_in_the_entry()
    {
        await using var platform = await Platform.StartAsync();

        using var response = await platform.AdminClient().PostAsJsonAsync("/v1/keys", new { name = "bot", role = "trader" }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;

        var entries = await FlushedEntriesAsync(platform);
        var entry = Assert.Single(entries, e => e.Action.StartsWith("POST /v1/keys", StringComparison.Ordinal));
        Assert.Equal("201", entry.Result);
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains(token, StringComparison.Ordinal) || (e.Target ?? "").Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Order_events_are_recorded_with_the_portfolio_as_actor_and_the_fill()
    {
        await using var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync("p-audit");
        var portfolio = platform.Grains.GetGrain<IPortfolioGrain>("p-audit");
        var at = platform.Now;
        await platform.PublishBarAsync("AAPL", 100m, at);

        var order = await portfolio.SubmitOrderAsync(new OrderRequest("audit-o1", "p-audit", Symbol.Parse("AAPL"), Side.Buy, Quantity.Of(10), OrderType.Limit, LimitPrice: Price.Of(101m)));
        var filled = platform.WaitForOrderAsync("audit-o1", OrderStatus.Filled);
        await platform.PublishBarAsync("AAPL", 100.5m, at.AddMinutes(1));
        await filled;

        var entries = await FlushedEntriesAsync(platform);
        var recorded = Assert.Single(entries, e => e.Action == "order.recorded" && e.Target == "audit-o1");
        Assert.Equal("portfolio:p-audit", recorded.Actor);
        Assert.Equal(order.Status.ToString().ToLowerInvariant(), recorded.Result);
        var fill = Assert.Single(entries, e => e.Action == "order.update" && e.Target == "audit-o1" && e.Result == "filled");
        Assert.Contains("\"fill_quantity\":\"10\"", fill.Detail, StringComparison.Ordinal);
        Assert.Contains("\"execution_id\":", fill.Detail, StringComparison.Ordinal);
    }
}

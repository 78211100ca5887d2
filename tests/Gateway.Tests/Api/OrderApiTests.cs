using System.Net;
using System.Text.Json;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Risk;

namespace Meridian.Gateway.Tests.Api;

public sealed class OrderApiTests
{
    private static string Order(string id, string portfolio = "p1", string symbol = "AAPL", string side = "buy", string qty = "\"10\"", string extra = "") =>
        $$"""{"client_order_id":"{{id}}","portfolio_id":"{{portfolio}}","symbol":"{{symbol}}","side":"{{side}}","qty":{{qty}}{{extra}}}""";

    private static async Task<Platform> StartWithPriceAsync(string portfolio = "p1", RiskLimits? limits = null)
    {
        var platform = await Platform.StartAsync();
        await platform.OpenPortfolioAsync(portfolio, 100_000m, limits);
        await platform.PublishBarAsync("AAPL", 100m, platform.Now);
        return platform;
    }

    [Fact]
    public async Task A_submitted_order_comes_back_in_snake_case_with_decimals_as_strings_and_can_be_read_again()
    {
        await using var platform = await StartWithPriceAsync();
        var client = platform.AdminClient();

        var (status, order) = await client.PostAsync("/v1/orders", Order("o-1", extra: ""","type":"limit","limit_price":"99.5","time_in_force":"gtc" """));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("o-1", order.Text("client_order_id"));
        Assert.Equal("o-1", order.Text("id"));
        Assert.Equal("10", order.Text("qty"));
        Assert.Equal("99.5", order.Text("limit_price"));
        Assert.Equal("limit", order.Text("type"));
        Assert.Equal("gtc", order.Text("time_in_force"));
        Assert.Equal(JsonValueKind.String, order.GetProperty("filled_qty").ValueKind);
        var (getStatus, again) = await client.GetJsonAsync("/v1/orders/o-1");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal(order.Text("created_at"), again.Text("created_at"));
    }

    [Fact]
    public async Task The_same_client_order_id_with_the_same_order_is_the_same_order_and_with_another_order_a_409()
    {
        await using var platform = await StartWithPriceAsync();
        var client = platform.AdminClient();
        var body = Order("dup-1", extra: ""","type":"limit","limit_price":"90" """);

        var first = await client.PostAsync("/v1/orders", body);
        var second = await client.PostAsync("/v1/orders", body);
        var conflict = await client.PostAsync("/v1/orders", Order("dup-1", qty: "\"11\"", extra: ""","type":"limit","limit_price":"90" """));

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Json.Text("created_at"), second.Json.Text("created_at"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal("order_conflict", conflict.Json.Text("code"));
        var open = await platform.Grains.GetGrain<Grains.Portfolios.IPortfolioGrain>("p1").GetOpenOrdersAsync();
        Assert.Single(open);
    }

    [Fact]
    public async Task Every_invalid_field_is_named_at_once_with_a_422()
    {
        await using var platform = await StartWithPriceAsync();

        var (status, problem) = await platform.AdminClient().PostAsync("/v1/orders",
            """{"portfolio_id":"p1","symbol":"aapl","side":"hold","qty":"-3","type":"market_on_moon","limit_price":"1.0000000001"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("validation_failed", problem.Text("code"));
        Assert.Equal(["symbol", "side", "qty", "type", "limit_price"], problem.ErrorFields());
        Assert.Contains("hold", problem.GetProperty("errors")[1].Text("message"), StringComparison.Ordinal);
        Assert.Empty(await platform.Grains.GetGrain<Grains.Portfolios.IPortfolioGrain>("p1").GetOpenOrdersAsync());
    }

    [Fact]
    public async Task Cross_field_rules_of_the_trading_core_come_back_per_field()
    {
        await using var platform = await StartWithPriceAsync();

        var (status, problem) = await platform.AdminClient().PostAsync("/v1/orders", Order("x-1", extra: ""","type":"limit" """));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["limit_price"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_risk_denial_is_a_403_with_the_rule_and_the_denied_order_is_kept()
    {
        await using var platform = await StartWithPriceAsync(limits: new RiskLimits { MaxOrderQuantity = 5m });

        var (status, problem) = await platform.AdminClient().PostAsync("/v1/orders", Order("big-1"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("risk_denied", problem.Text("code"));
        Assert.Equal("QUANTITY_EXCEEDS_MAX_PER_ORDER", problem.Text("denial_code"));
        var (_, order) = await platform.AdminClient().GetJsonAsync("/v1/orders/big-1");
        Assert.Equal("denied", order.Text("status"));
    }

    [Fact]
    public async Task A_market_order_fills_on_the_next_bar_and_the_position_shows_it()
    {
        await using var platform = await StartWithPriceAsync();
        var client = platform.AdminClient();

        await client.PostAsync("/v1/orders", Order("m-1"));
        var filled = platform.WaitForOrderAsync("m-1", OrderStatus.Filled);
        await platform.PublishBarAsync("AAPL", 101m, platform.Now.AddMinutes(1));
        await filled;

        var (_, order) = await client.GetJsonAsync("/v1/orders/m-1");
        Assert.Equal("filled", order.Text("status"));
        Assert.Equal("10", order.Text("filled_qty"));
        var (_, positions) = await client.GetJsonAsync("/v1/portfolios/p1/positions");
        var position = Assert.Single(positions.EnumerateArray());
        Assert.Equal("AAPL", position.Text("symbol"));
        Assert.Equal("10", position.Text("qty"));
        var (_, price) = await client.GetJsonAsync("/v1/prices/AAPL");
        Assert.Equal("101", price.Text("price"));
    }

    [Fact]
    public async Task An_open_order_is_canceled_once_and_a_second_cancel_is_a_409()
    {
        await using var platform = await StartWithPriceAsync();
        var client = platform.AdminClient();
        await client.PostAsync("/v1/orders", Order("c-1", extra: ""","type":"limit","limit_price":"50" """));

        var first = await client.SendAsync(HttpMethod.Delete, "/v1/orders/c-1");
        var (_, order) = await client.GetJsonAsync("/v1/orders/c-1");
        var second = await client.SendAsync(HttpMethod.Delete, "/v1/orders/c-1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("canceled", order.Text("status"));
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("invalid_state", second.Json.Text("code"));
    }

    [Fact]
    public async Task A_replace_makes_a_new_order_linked_to_the_old_one()
    {
        await using var platform = await StartWithPriceAsync();
        var client = platform.AdminClient();
        await client.PostAsync("/v1/orders", Order("r-1", extra: ""","type":"limit","limit_price":"50" """));

        var (status, replacing) = await client.SendAsync(HttpMethod.Patch, "/v1/orders/r-1", """{"limit_price":"55","client_order_id":"r-2"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("r-2", replacing.Text("client_order_id"));
        Assert.Equal("55", replacing.Text("limit_price"));
        Assert.Equal("r-1", replacing.Text("replaces_client_order_id"));
    }

    [Fact]
    public async Task An_unknown_order_and_an_unknown_portfolio_are_404_problems()
    {
        await using var platform = await StartWithPriceAsync();
        var client = platform.AdminClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetJsonAsync("/v1/orders/nope")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetJsonAsync("/v1/portfolios/nope")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetJsonAsync("/v1/portfolios/nope/risk_limits")).Status);
        var (status, problem) = await client.PostAsync("/v1/orders", Order("n-1", portfolio: "nope"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", problem.Text("code"));
    }

    [Fact]
    public async Task Listing_pages_through_every_order_once_in_creation_order_with_filters()
    {
        await using var platform = await StartWithPriceAsync();
        var client = platform.AdminClient();
        for (var i = 1; i <= 7; i++)
            await client.PostAsync("/v1/orders", Order($"l-{i}", side: i % 2 == 0 ? "sell" : "buy", extra: ""","type":"limit","limit_price":"50","time_in_force":"gtc" """));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (status, page) = await client.GetJsonAsync($"/v1/orders?status=all&direction=asc&limit=3{(token is null ? "" : "&page_token=" + token)}");
            Assert.Equal(HttpStatusCode.OK, status);
            seen.AddRange(page.GetProperty("orders").EnumerateArray().Select(o => o.Text("client_order_id")));
            token = page.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["l-1", "l-2", "l-3", "l-4", "l-5", "l-6", "l-7"], seen);
        // The sells would open short positions, which the portfolio does not allow: denied, so closed; the buys stay open.
        var (_, buys) = await client.GetJsonAsync("/v1/orders?status=open&side=buy&limit=500");
        Assert.Equal(["l-7", "l-5", "l-3", "l-1"], buys.GetProperty("orders").EnumerateArray().Select(o => o.Text("client_order_id")).ToArray());
        var (_, closed) = await client.GetJsonAsync("/v1/orders?status=closed&direction=asc");
        Assert.Equal(["l-2", "l-4", "l-6"], closed.GetProperty("orders").EnumerateArray().Select(o => o.Text("client_order_id")).ToArray());
        var (_, none) = await client.GetJsonAsync("/v1/orders?status=all&symbols=MSFT");
        Assert.Empty(none.GetProperty("orders").EnumerateArray());
        var (badStatus, problem) = await client.GetJsonAsync("/v1/orders?status=done&limit=0&direction=up&page_token=zz");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStatus);
        Assert.Equal(["status", "direction", "limit", "page_token"], problem.ErrorFields());
    }

    [Fact]
    public async Task The_order_listing_only_shows_the_portfolios_a_key_is_scoped_to()
    {
        await using var platform = await StartWithPriceAsync();
        await platform.OpenPortfolioAsync("p2");
        var admin = platform.AdminClient();
        await admin.PostAsync("/v1/orders", Order("s-1", extra: ""","type":"limit","limit_price":"50" """));
        await admin.PostAsync("/v1/orders", Order("s-2", portfolio: "p2", extra: ""","type":"limit","limit_price":"50" """));
        var scoped = platform.Client(await platform.CreateKeyAsync(Gateway.Auth.ApiRole.Trader, "p2 trader", ["p2"]));

        var (_, page) = await scoped.GetJsonAsync("/v1/orders?status=all");
        var other = await scoped.GetJsonAsync("/v1/orders/s-1");
        var submit = await scoped.PostAsync("/v1/orders", Order("s-3", extra: ""","type":"limit","limit_price":"50" """));

        Assert.Equal(["s-2"], page.GetProperty("orders").EnumerateArray().Select(o => o.Text("client_order_id")).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal(HttpStatusCode.NotFound, submit.Status);
        Assert.Null(await platform.Grains.GetGrain<IOrderGrain>("s-3").GetAsync());
    }

    [Fact]
    public async Task Malformed_bodies_wrong_types_unknown_fields_and_wrong_media_types_are_4xx_problems()
    {
        await using var platform = await StartWithPriceAsync();
        var client = platform.AdminClient();

        var notJson = await client.PostAsync("/v1/orders", "{\"symbol\":");
        var wrongType = await client.PostAsync("/v1/orders", """{"portfolio_id":"p1","symbol":"AAPL","side":"buy","qty":{"x":1}}""");
        var unknown = await client.PostAsync("/v1/orders", """{"portfolio_id":"p1","symbol":"AAPL","side":"buy","qty":"1","limit_prce":"5"}""");
        using var text = new StringContent("qty=1", System.Text.Encoding.UTF8, "text/plain");
        using var plain = await client.PostAsync("/v1/orders", text, ApiJson.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Equal("malformed_json", notJson.Json.Text("code"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Equal(["qty"], wrongType.Json.ErrorFields());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("limit_prce", unknown.Json.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        await using var platform = await StartWithPriceAsync();

        var (status, problem) = await platform.AdminClient().PostAsync("/v1/orders", Order("big", extra: $$""","pad":"{{new string('x', 70_000)}}" """));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("payload_too_large", problem.Text("code"));
    }
}

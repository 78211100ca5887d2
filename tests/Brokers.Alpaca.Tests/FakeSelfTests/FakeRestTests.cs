using System.Globalization;
using System.Net;
using System.Text.Json;
using Meridian.Brokers.Alpaca.Tests.Fake;

namespace Meridian.Brokers.Alpaca.Tests.FakeSelfTests;

/// <summary>The fake's REST side against Alpaca's contract, with a raw HttpClient.</summary>
public sealed class FakeRestTests
{
    [Fact]
    public async Task Requests_without_the_right_keys_get_401_and_every_response_carries_rate_limit_headers()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync("PKKEY", "SKSECRET");
        using var anonymous = RawHttp.Client(fake, keyId: "");
        using var wrongSecret = RawHttp.Client(fake, "PKKEY", "nope");
        using var good = RawHttp.Client(fake);

        foreach (var client in new[] { anonymous, wrongSecret })
        {
            using var refused = await client.GetAsync("/v2/account", guard.Token);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            RawHttp.AssertError(await refused.JsonAsync(guard.Token), 40110000, "request is not authorized");
            Assert.True(refused.Headers.Contains("X-RateLimit-Limit"));
        }

        using var ok = await good.GetAsync("/v2/account", guard.Token);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("200", ok.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("199", ok.Headers.GetValues("X-RateLimit-Remaining").Single());
        var reset = long.Parse(ok.Headers.GetValues("X-RateLimit-Reset").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 0, 61);

        using var unknown = await good.GetAsync("/v2/watchlists/nothing-here", guard.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        RawHttp.AssertError(await unknown.JsonAsync(guard.Token), 40410000);
    }

    [Fact]
    public async Task Account_and_clock_follow_the_spec()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        fake.MarketOpen = true;

        using var accountResponse = await http.GetAsync("/v2/account", guard.Token);
        var account = await accountResponse.JsonAsync(guard.Token);
        Assert.Equal("ACTIVE", account.Str("status"));
        Assert.Equal("USD", account.Str("currency"));
        Assert.True(Guid.TryParse(account.Str("id"), out _));
        foreach (var field in new[] { "cash", "buying_power", "equity", "portfolio_value", "long_market_value", "short_market_value", "multiplier" })
        {
            Assert.Equal(JsonValueKind.String, account.GetProperty(field).ValueKind);
        }

        Assert.Equal("1000000", account.Str("buying_power"));
        Assert.False(account.GetProperty("pattern_day_trader").GetBoolean());
        Assert.False(account.GetProperty("trading_blocked").GetBoolean());
        Assert.False(account.GetProperty("account_blocked").GetBoolean());

        using var clockResponse = await http.GetAsync("/v2/clock", guard.Token);
        var clock = await clockResponse.JsonAsync(guard.Token);
        Assert.True(clock.GetProperty("is_open").GetBoolean());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}-0[45]:00$", clock.Str("timestamp"));
        foreach (var field in new[] { "next_open", "next_close" })
        {
            var value = DateTimeOffset.Parse(clock.Str(field), CultureInfo.InvariantCulture);
            Assert.Contains(value.Offset, new[] { TimeSpan.FromHours(-5), TimeSpan.FromHours(-4) });
            Assert.True(value > DateTimeOffset.UtcNow.AddSeconds(-1), $"{field} {value} is in the past");
        }
    }

    [Fact]
    public async Task Orders_have_string_decimals_nanosecond_timestamps_and_explicit_nulls()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);

        var order = await http.SubmitAsync(RawHttp.LimitOrder("wire-1", "150.25", qty: "2"), guard.Token);

        Assert.True(Guid.TryParse(order.Str("id"), out _));
        Assert.Equal("wire-1", order.Str("client_order_id"));
        Assert.Equal("new", order.Str("status"));
        Assert.Equal("2", order.Str("qty"));
        Assert.Equal("0", order.Str("filled_qty"));
        Assert.Equal("150.25", order.Str("limit_price"));
        Assert.Equal("", order.Str("order_class"));
        Assert.Equal("limit", order.Str("type"));
        Assert.Equal("limit", order.Str("order_type"));
        Assert.Equal("us_equity", order.Str("asset_class"));
        foreach (var field in new[] { "created_at", "updated_at", "submitted_at" })
        {
            Assert.Matches(RawHttp.NanoTimestamp(), order.Str(field));
        }

        foreach (var field in new[] { "filled_at", "expired_at", "canceled_at", "failed_at", "replaced_at", "replaced_by", "replaces",
                     "filled_avg_price", "notional", "stop_price", "trail_price", "trail_percent", "hwm", "legs" })
        {
            Assert.Equal(JsonValueKind.Null, order.GetProperty(field).ValueKind);
        }

        // JSON numbers are accepted for decimals, and come back as strings; "simple" is echoed.
        var numeric = await http.SubmitAsync(
            """{"symbol":"MSFT","qty":5,"side":"buy","type":"limit","limit_price":150.5,"time_in_force":"day","order_class":"simple"}""",
            guard.Token);
        Assert.Equal("5", numeric.Str("qty"));
        Assert.Equal("150.5", numeric.Str("limit_price"));
        Assert.Equal("simple", numeric.Str("order_class"));
        Assert.True(Guid.TryParse(numeric.Str("client_order_id"), out _), "a server-generated client_order_id is a UUID");
    }

    [Theory]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"Market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"week"}""")]
    [InlineData("""{"qty":"1","side":"buy","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"long","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","side":"buy","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","notional":"100","side":"buy","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"abc","side":"buy","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"0","side":"buy","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1.5","side":"buy","type":"limit","limit_price":"10","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"stop","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"stop_limit","limit_price":"10","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"sell","type":"trailing_stop","trail_price":"1","trail_percent":"1","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day","order_class":"bracket","take_profit":{"limit_price":"110"}}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day","order_class":"bracket","take_profit":{"limit_price":"90"},"stop_loss":{"stop_price":"95"}}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"ioc","order_class":"bracket","take_profit":{"limit_price":"110"},"stop_loss":{"stop_price":"95"}}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"sell","type":"market","time_in_force":"day","order_class":"oco","take_profit":{"limit_price":"110"},"stop_loss":{"stop_price":"95"}}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day","order_class":"oto","take_profit":{"limit_price":"110"},"stop_loss":{"stop_price":"95"}}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day","order_class":"triangle"}""")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"gtc","extended_hours":true}""")]
    [InlineData("""not json""")]
    public async Task Invalid_order_requests_get_422_with_code_40010001(string body)
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);

        using var response = await http.PostJsonAsync("/v2/orders", body, guard.Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        RawHttp.AssertError(await response.JsonAsync(guard.Token), 40010001);
        Assert.Empty(fake.Orders);
    }

    [Fact]
    public async Task Client_order_ids_are_unique_forever_and_at_most_128_characters()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);

        var first = await http.SubmitAsync(RawHttp.MarketOrder("dup-1"), guard.Token);
        using (var cancel = await http.DeleteAsync($"/v2/orders/{first.Str("id")}", guard.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        }

        using var again = await http.PostJsonAsync("/v2/orders", RawHttp.MarketOrder("dup-1"), guard.Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        RawHttp.AssertError(await again.JsonAsync(guard.Token), 40010001, "client_order_id must be unique");
        Assert.Equal(1, fake.CreatedCount("dup-1"));
        Assert.Equal(2, fake.PostAttempts("dup-1"));

        var longest = new string('x', 128);
        await http.SubmitAsync(RawHttp.MarketOrder(longest), guard.Token);
        using var tooLong = await http.PostJsonAsync("/v2/orders", RawHttp.MarketOrder(longest + "y"), guard.Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
    }

    [Fact]
    public async Task Buys_beyond_buying_power_get_403()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        fake.BuyingPower = 1_000m;

        using var refused = await http.PostJsonAsync("/v2/orders", RawHttp.MarketOrder("bp-1", qty: "11"), guard.Token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        RawHttp.AssertError(await refused.JsonAsync(guard.Token), 40310000, "insufficient buying power");
        using var refusedLimit = await http.PostJsonAsync("/v2/orders", RawHttp.LimitOrder("bp-2", "101", qty: "10"), guard.Token);
        Assert.Equal(HttpStatusCode.Forbidden, refusedLimit.StatusCode);
        Assert.Null(fake.Order("bp-1"));

        fake.SetPrice("AAPL", 50m);
        await http.SubmitAsync(RawHttp.MarketOrder("bp-1", qty: "11"), guard.Token);
        await http.SubmitAsync(RawHttp.MarketOrder("bp-3", qty: "1000", side: "sell"), guard.Token);
    }

    [Fact]
    public async Task Orders_are_found_by_client_order_id_on_the_literal_colon_path()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        var order = await http.SubmitAsync(RawHttp.MarketOrder("colon-1"), guard.Token);

        using var found = await http.GetAsync("/v2/orders:by_client_order_id?client_order_id=colon-1", guard.Token);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(order.Str("id"), (await found.JsonAsync(guard.Token)).Str("id"));

        using var missing = await http.GetAsync("/v2/orders:by_client_order_id?client_order_id=colon-2", guard.Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        RawHttp.AssertError(await missing.JsonAsync(guard.Token), 40410000, "order not found");

        using var byId = await http.GetAsync($"/v2/orders/{order.Str("id")}", guard.Token);
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        using var unknownId = await http.GetAsync($"/v2/orders/{Guid.NewGuid()}", guard.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknownId.StatusCode);
        Assert.Contains(fake.Requests, r => r.PathAndQuery == "/v2/orders:by_client_order_id?client_order_id=colon-1" && r.Status == 200);
    }

    [Fact]
    public async Task Cancel_answers_204_then_422_once_final_and_404_when_unknown()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        var open = await http.SubmitAsync(RawHttp.LimitOrder("cxl-1", "90"), guard.Token);
        var filled = await http.SubmitAsync(RawHttp.MarketOrder("cxl-2"), guard.Token);
        fake.Fill("cxl-2", 10m, 100m);

        using (var first = await http.DeleteAsync($"/v2/orders/{open.Str("id")}", guard.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        Assert.Equal("canceled", fake.Order("cxl-1")!.Status);
        using var readBack = await http.GetAsync($"/v2/orders/{open.Str("id")}", guard.Token);
        var canceled = await readBack.JsonAsync(guard.Token);
        Assert.Equal("canceled", canceled.Str("status"));
        Assert.Matches(RawHttp.NanoTimestamp(), canceled.Str("canceled_at"));

        foreach (var id in new[] { open.Str("id"), filled.Str("id") })
        {
            using var again = await http.DeleteAsync($"/v2/orders/{id}", guard.Token);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        }

        using var unknown = await http.DeleteAsync($"/v2/orders/{Guid.NewGuid()}", guard.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        RawHttp.AssertError(await unknown.JsonAsync(guard.Token), 40410000);
    }

    [Fact]
    public async Task Replace_makes_a_linked_new_order_and_the_old_one_replaced()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        var old = await http.SubmitAsync(RawHttp.LimitOrder("rep-1", "100"), guard.Token);
        var other = await http.SubmitAsync(RawHttp.LimitOrder("rep-other", "100"), guard.Token);

        using (var duplicate = await http.PatchJsonAsync($"/v2/orders/{old.Str("id")}", """{"client_order_id":"rep-other"}""", guard.Token))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
            RawHttp.AssertError(await duplicate.JsonAsync(guard.Token), 40010001, "client_order_id must be unique");
        }

        using var replaced = await http.PatchJsonAsync($"/v2/orders/{old.Str("id")}",
            """{"qty":"5","limit_price":"101.5","client_order_id":"rep-2"}""", guard.Token);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var replacement = await replaced.JsonAsync(guard.Token);
        Assert.NotEqual(old.Str("id"), replacement.Str("id"));
        Assert.Equal(old.Str("id"), replacement.Str("replaces"));
        Assert.Equal("rep-2", replacement.Str("client_order_id"));
        Assert.Equal("5", replacement.Str("qty"));
        Assert.Equal("101.5", replacement.Str("limit_price"));
        Assert.Equal("new", replacement.Str("status"));

        // By client order id, the original order answers: replaced, pointing at its replacement.
        using var original = await http.GetAsync("/v2/orders:by_client_order_id?client_order_id=rep-1", guard.Token);
        var originalBody = await original.JsonAsync(guard.Token);
        Assert.Equal("replaced", originalBody.Str("status"));
        Assert.Equal(replacement.Str("id"), originalBody.Str("replaced_by"));
        Assert.Matches(RawHttp.NanoTimestamp(), originalBody.Str("replaced_at"));

        using var twice = await http.PatchJsonAsync($"/v2/orders/{old.Str("id")}", """{"qty":"6"}""", guard.Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        using var unknown = await http.PatchJsonAsync($"/v2/orders/{Guid.NewGuid()}", """{"qty":"6"}""", guard.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // A replacement without a client_order_id gets a server-generated one; an accepted order cannot be replaced.
        using var generated = await http.PatchJsonAsync($"/v2/orders/{other.Str("id")}", """{"limit_price":"99"}""", guard.Token);
        Assert.True(Guid.TryParse((await generated.JsonAsync(guard.Token)).Str("client_order_id"), out _));
        fake.AutoAccept = false;
        var accepted = await http.SubmitAsync(RawHttp.LimitOrder("rep-3", "100"), guard.Token);
        Assert.Equal("accepted", accepted.Str("status"));
        using var tooEarly = await http.PatchJsonAsync($"/v2/orders/{accepted.Str("id")}", """{"qty":"6"}""", guard.Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
    }

    [Fact]
    public async Task Bracket_legs_come_back_held_and_the_take_profit_activates_when_the_entry_fills()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);

        var parent = await http.SubmitAsync(
            """
            {"side":"buy","symbol":"SPY","type":"market","qty":"100","time_in_force":"gtc","client_order_id":"br-1",
             "order_class":"bracket","take_profit":{"limit_price":"301"},"stop_loss":{"stop_price":"299","limit_price":"298.5"}}
            """, guard.Token);

        Assert.Equal("bracket", parent.Str("order_class"));
        var legs = parent.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(2, legs.Count);
        var takeProfit = legs.Single(l => l.Str("type") == "limit");
        var stopLoss = legs.Single(l => l.Str("type") == "stop_limit");
        foreach (var leg in legs)
        {
            Assert.Equal("held", leg.Str("status"));
            Assert.Equal("sell", leg.Str("side"));
            Assert.Equal("100", leg.Str("qty"));
            Assert.Equal("bracket", leg.Str("order_class"));
            Assert.NotEqual(parent.Str("id"), leg.Str("id"));
            Assert.True(Guid.TryParse(leg.Str("client_order_id"), out _));
            Assert.Equal(JsonValueKind.Null, leg.GetProperty("legs").ValueKind);
        }

        Assert.Equal("301", takeProfit.Str("limit_price"));
        Assert.Equal("299", stopLoss.Str("stop_price"));
        Assert.Equal("298.5", stopLoss.Str("limit_price"));

        Assert.Throws<InvalidOperationException>(() => fake.Fill(takeProfit.Str("client_order_id"), 100m, 301m));
        fake.Fill("br-1", 100m, 300m);
        Assert.Equal("new", fake.Order(takeProfit.Str("client_order_id"))!.Status);
        Assert.Equal("held", fake.Order(stopLoss.Str("client_order_id"))!.Status);

        fake.Fill(takeProfit.Str("client_order_id"), 100m, 301m);
        Assert.Equal("canceled", fake.Order(stopLoss.Str("client_order_id"))!.Status);
        Assert.Empty(fake.Positions);
    }

    [Fact]
    public async Task An_oco_is_a_limit_exit_with_a_held_stop_leg_and_either_fill_cancels_the_other()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);

        var oco = await http.SubmitAsync(
            """
            {"side":"sell","symbol":"SPY","type":"limit","qty":"100","time_in_force":"gtc","client_order_id":"oco-1",
             "order_class":"oco","take_profit":{"limit_price":"301"},"stop_loss":{"stop_price":"299"}}
            """, guard.Token);

        Assert.Equal("new", oco.Str("status"));
        Assert.Equal("301", oco.Str("limit_price"));
        var stop = Assert.Single(oco.GetProperty("legs").EnumerateArray());
        Assert.Equal("stop", stop.Str("type"));
        Assert.Equal("sell", stop.Str("side"));
        Assert.Equal("held", stop.Str("status"));

        fake.Fill(stop.Str("client_order_id"), 100m, 299m);
        Assert.Equal("canceled", fake.Order("oco-1")!.Status);
        Assert.Equal(-100m, fake.Positions["SPY"]);

        // With AutoCancel off, DELETE only asks: pending_cancel until the venue confirms.
        fake.AutoCancel = false;
        var open = await http.SubmitAsync(RawHttp.LimitOrder("oco-2", "90"), guard.Token);
        using (var asked = await http.DeleteAsync($"/v2/orders/{open.Str("id")}", guard.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, asked.StatusCode);
        }

        Assert.Equal("pending_cancel", fake.Order("oco-2")!.Status);
        fake.Cancel("oco-2");
        Assert.Equal("canceled", fake.Order("oco-2")!.Status);
    }

    [Fact]
    public async Task Listing_filters_by_status_time_and_direction_and_nests_legs_only_when_asked()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        var first = await http.SubmitAsync(RawHttp.MarketOrder("ls-1"), guard.Token);
        var second = await http.SubmitAsync(RawHttp.MarketOrder("ls-2"), guard.Token);
        var third = await http.SubmitAsync(
            """
            {"side":"buy","symbol":"SPY","type":"limit","limit_price":"100","qty":"1","time_in_force":"day","client_order_id":"ls-3",
             "order_class":"oto","stop_loss":{"stop_price":"95"}}
            """, guard.Token);
        fake.Fill("ls-1", 10m, 100m);

        async Task<List<JsonElement>> ListAsync(string query)
        {
            using var response = await http.GetAsync("/v2/orders" + query, guard.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. (await response.JsonAsync(guard.Token)).EnumerateArray()];
        }

        static List<string> Ids(List<JsonElement> orders) => [.. orders.Select(o => o.Str("client_order_id"))];

        var open = await ListAsync("");
        Assert.Equal(3, open.Count); // ls-2, ls-3 and its held leg, newest first
        Assert.Equal("ls-3", open[1].Str("client_order_id"));
        Assert.All(open, o => Assert.Equal(JsonValueKind.Null, o.GetProperty("legs").ValueKind));
        Assert.Equal(["ls-1"], Ids(await ListAsync("?status=closed")));

        var nested = await ListAsync("?status=all&nested=true&direction=asc");
        Assert.Equal(["ls-1", "ls-2", "ls-3"], Ids(nested));
        Assert.Equal("stop", nested[2].GetProperty("legs")[0].Str("type"));

        var middle = Uri.EscapeDataString(second.Str("submitted_at"));
        Assert.Equal(["ls-1"], Ids(await ListAsync($"?status=all&nested=true&until={middle}")));
        Assert.Equal(["ls-3"], Ids(await ListAsync($"?status=all&nested=true&after={middle}")));
        Assert.Equal(["ls-3"], Ids(await ListAsync("?status=all&nested=true&symbols=SPY,QQQ")));
        Assert.Single(await ListAsync("?status=all&limit=1"));
        Assert.Equal(first.Str("id"), (await ListAsync("?status=all&limit=1&direction=asc"))[0].Str("id"));
        Assert.NotNull(third.GetProperty("legs")[0].Str("id"));

        using var tooMany = await http.GetAsync("/v2/orders?limit=501", guard.Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
    }

    [Fact]
    public async Task Positions_follow_fills_long_short_and_through_zero()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        await http.SubmitAsync(RawHttp.MarketOrder("pos-1", qty: "10", symbol: "AAPL"), guard.Token);
        await http.SubmitAsync(RawHttp.MarketOrder("pos-2", qty: "10", symbol: "AAPL"), guard.Token);
        await http.SubmitAsync(RawHttp.MarketOrder("pos-3", qty: "5", side: "sell", symbol: "TSLA"), guard.Token);
        await http.SubmitAsync(RawHttp.MarketOrder("pos-4", qty: "8", side: "buy", symbol: "TSLA"), guard.Token);
        fake.Fill("pos-1", 10m, 100m);
        fake.Fill("pos-2", 10m, 110m);
        fake.Fill("pos-3", 5m, 200m);

        using var all = await http.GetAsync("/v2/positions", guard.Token);
        var positions = (await all.JsonAsync(guard.Token)).EnumerateArray().ToDictionary(p => p.Str("symbol"));
        Assert.Equal("20", positions["AAPL"].Str("qty"));
        Assert.Equal("long", positions["AAPL"].Str("side"));
        Assert.Equal("105", positions["AAPL"].Str("avg_entry_price"));
        Assert.Equal("2200", positions["AAPL"].Str("market_value"));
        Assert.Equal("2100", positions["AAPL"].Str("cost_basis"));
        Assert.Equal("100", positions["AAPL"].Str("unrealized_pl"));
        Assert.Equal("-5", positions["TSLA"].Str("qty"));
        Assert.Equal("short", positions["TSLA"].Str("side"));
        Assert.Equal("NASDAQ", positions["TSLA"].Str("exchange"));
        Assert.Equal("us_equity", positions["TSLA"].Str("asset_class"));

        fake.Fill("pos-4", 8m, 190m);
        Assert.Equal(3m, fake.Positions["TSLA"]);
        using var one = await http.GetAsync("/v2/positions/TSLA", guard.Token);
        var tsla = await one.JsonAsync(guard.Token);
        Assert.Equal("3", tsla.Str("qty"));
        Assert.Equal("long", tsla.Str("side"));
        Assert.Equal("190", tsla.Str("avg_entry_price"));

        using var none = await http.GetAsync("/v2/positions/MSFT", guard.Token);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        RawHttp.AssertError(await none.JsonAsync(guard.Token), 40410000, "position does not exist");
        Assert.Equal(1_000_000m - 2100m + 1000m - 1520m, fake.Cash);
    }

    [Fact]
    public async Task Cancel_all_answers_207_with_one_result_per_open_order()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        var a = await http.SubmitAsync(RawHttp.LimitOrder("all-1", "90"), guard.Token);
        var b = await http.SubmitAsync(RawHttp.LimitOrder("all-2", "91"), guard.Token);
        await http.SubmitAsync(RawHttp.MarketOrder("all-3"), guard.Token);
        fake.Fill("all-3", 10m, 100m);

        using var response = await http.DeleteAsync("/v2/orders", guard.Token);

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        var results = (await response.JsonAsync(guard.Token)).EnumerateArray().ToList();
        Assert.Equal(new[] { a.Str("id"), b.Str("id") }.Order(), results.Select(r => r.Str("id")).Order());
        Assert.All(results, r =>
        {
            Assert.Equal(200, r.GetProperty("status").GetInt32());
            Assert.Equal("canceled", r.GetProperty("body").Str("status"));
        });
        Assert.Equal("filled", fake.Order("all-3")!.Status);
    }
}

using System.Globalization;
using System.Net;
using Meridian.Brokers.Alpaca.Tests.Fake;

namespace Meridian.Brokers.Alpaca.Tests.FakeSelfTests;

/// <summary>Each HTTP fault of the fake does what it says, and only once per count.</summary>
public sealed class FakeFaultTests
{
    [Fact]
    public async Task Timeout_after_accept_creates_the_order_but_never_answers_until_the_client_gives_up()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        await using var stream = await StreamClient.ListenAsync(fake, guard.Token);
        fake.Faults.TimeoutAfterAccept();

        using var clientGivesUp = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
        var post = http.PostJsonAsync("/v2/orders", RawHttp.MarketOrder("held-1"), clientGivesUp.Token);

        // The order exists (its `new` went out) while the POST is still unanswered.
        var created = await stream.NextTradeUpdateAsync(guard.Token);
        Assert.Equal("new", created.GetProperty("event").GetString());
        Assert.Equal("held-1", created.GetProperty("order").Str("client_order_id"));
        Assert.False(post.IsCompleted);

        await clientGivesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
        var recorded = await fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == "/v2/orders", guard.Token);
        Assert.Equal(0, recorded.Status);

        using var lookup = await http.GetAsync("/v2/orders:by_client_order_id?client_order_id=held-1", guard.Token);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal(1, fake.CreatedCount("held-1"));

        // Consumed: the next POST is answered.
        await http.SubmitAsync(RawHttp.MarketOrder("held-2"), guard.Token);
    }

    [Fact]
    public async Task Server_error_after_accept_creates_the_order_and_rotates_500_502_503()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        fake.Faults.ServerErrorAfterAccept(3);

        var statuses = new List<int>();
        for (var i = 1; i <= 4; i++)
        {
            using var response = await http.PostJsonAsync("/v2/orders", RawHttp.MarketOrder($"err-{i}"), guard.Token);
            statuses.Add((int)response.StatusCode);
            Assert.NotNull(fake.Order($"err-{i}"));
        }

        Assert.Equal([500, 502, 503, 200], statuses);
        Assert.Equal(4, fake.Orders.Count);
    }

    [Fact]
    public async Task Server_errors_hit_only_matching_requests_and_do_nothing()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        fake.Faults.ServerErrors(2, "/v2/orders", "POST");

        using (var clock = await http.GetAsync("/v2/clock", guard.Token))
        {
            Assert.Equal(HttpStatusCode.OK, clock.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var failed = await http.PostJsonAsync("/v2/orders", RawHttp.MarketOrder("srv-1"), guard.Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        Assert.Null(fake.Order("srv-1"));
        Assert.Equal(2, fake.PostAttempts("srv-1"));
        await http.SubmitAsync(RawHttp.MarketOrder("srv-1"), guard.Token);
    }

    [Fact]
    public async Task Rate_limit_burst_answers_429_with_remaining_zero_and_the_reset_time()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        fake.Faults.RateLimitBurst(2, TimeSpan.FromSeconds(30));

        for (var i = 0; i < 2; i++)
        {
            var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var limited = await http.GetAsync("/v2/account", guard.Token);
            var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
            var reset = long.Parse(limited.Headers.GetValues("X-RateLimit-Reset").Single(), CultureInfo.InvariantCulture);
            Assert.InRange(reset, before + 30, after + 31);
        }

        using var ok = await http.GetAsync("/v2/account", guard.Token);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEqual("0", ok.Headers.GetValues("X-RateLimit-Remaining").Single());

        // Past the per-minute limit, the real limiter answers 429 too.
        fake.RateLimitPerMinute = 3; // three requests so far in this minute
        using var overLimit = await http.GetAsync("/v2/clock", guard.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, overLimit.StatusCode);
    }

    [Fact]
    public async Task A_malformed_order_response_breaks_one_field_of_one_response()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        using var http = RawHttp.Client(fake);
        fake.Faults.MalformedNextOrderResponse("filled_qty");
        fake.Faults.MalformedNextOrderResponse("filled_at");

        var broken = await http.SubmitAsync(RawHttp.MarketOrder("bad-1"), guard.Token);
        Assert.Equal("abc", broken.Str("filled_qty"));

        using var second = await http.GetAsync("/v2/orders:by_client_order_id?client_order_id=bad-1", guard.Token);
        var withoutFilledAt = await second.JsonAsync(guard.Token);
        Assert.False(withoutFilledAt.TryGetProperty("filled_at", out _));
        Assert.Equal("0", withoutFilledAt.Str("filled_qty"));

        using var third = await http.GetAsync($"/v2/orders/{broken.Str("id")}", guard.Token);
        var intact = await third.JsonAsync(guard.Token);
        Assert.True(intact.TryGetProperty("filled_at", out _));
    }
}

using Meridian.Brokers.Alpaca.MarketData;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Grains.Domain;
using static Meridian.Brokers.Alpaca.Tests.MarketData.MarketDataTestData;

namespace Meridian.Brokers.Alpaca.Tests.MarketData;

/// <summary>The historical bars client against the fake data host: paging, parameters, and Alpaca's refusals explained.</summary>
public sealed class AlpacaBarsClientTests : IAsyncLifetime
{
    private static readonly Symbol[] s_both = [Symbol.Parse("AAPL"), Symbol.Parse("MSFT")];
    private readonly HttpClient _http = new();
    private FakeDataServer _fake = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static AlpacaBarsQuery January2To4(params Symbol[] symbols) =>
        AlpacaBarsQuery.ForDates(symbols.Length > 0 ? symbols : s_both, new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 4));

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDataServer.StartAsync();
        _fake.AddBars("AAPL", Aapl);
        _fake.AddBars("MSFT", Msft);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Pages_are_followed_until_the_token_is_null_and_a_symbol_cut_by_a_page_is_joined()
    {
        // Six bars in symbol-then-time order, two a page: [AAPL 2, AAPL 3], [AAPL 4, MSFT 2], [MSFT 3, MSFT 4].
        _fake.PageSize = 2;

        var result = await Client(_fake, _http).GetBarsAsync(January2To4(), Cancel);

        Assert.Equal(3, result.Pages.Count);
        Assert.Equal(
            [[("AAPL", 2)], [("AAPL", 1), ("MSFT", 1)], [("MSFT", 2)]],
            result.Pages.Select(p => p.BarCounts.Select(c => (c.Key.Value, c.Value)).ToArray()).ToArray());
        Assert.Null(result.Pages[2].NextPageToken);
        Assert.Equal([185.64m, 184.25m, 181.91m], result.Bars[Symbol.Parse("AAPL")].Select(b => b.Close));
        Assert.Equal([370.87m, 370.60m, 367.94m], result.Bars[Symbol.Parse("MSFT")].Select(b => b.Close));
        var first = result.Bars[Symbol.Parse("AAPL")][0];
        Assert.Equal(new AlpacaBar(new DateTimeOffset(2024, 1, 2, 5, 0, 0, TimeSpan.Zero), 187.15m, 188.44m, 183.89m, 185.64m, 82488700m, 8248870, 185.99m), first);

        // Each later request carries the previous page's token, and nothing else changes.
        var requests = _fake.BarRequests;
        Assert.Equal(3, requests.Count);
        Assert.False(requests[0].ContainsKey("page_token"));
        Assert.Equal(result.Pages[0].NextPageToken, requests[1]["page_token"]);
        Assert.Equal(result.Pages[1].NextPageToken, requests[2]["page_token"]);
        Assert.Equal(requests[0], requests[2].Where(p => p.Key != "page_token").ToDictionary());
    }

    [Fact]
    public async Task The_request_names_the_feed_the_adjustment_the_largest_limit_and_the_new_york_days()
    {
        await Client(_fake, _http).GetBarsAsync(January2To4(), Cancel);
        await Client(_fake, _http).GetBarsAsync(January2To4() with { Adjustment = "split", Feed = "sip", Timeframe = AlpacaTimeframe.Minutes(15) }, Cancel);

        // 2024-01-02 00:00 in New York (EST, UTC-5) is 05:00Z; the last second of 2024-01-04 there is 2024-01-05 04:59:59Z.
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["symbols"] = "AAPL,MSFT", ["timeframe"] = "1Day", ["start"] = "2024-01-02T05:00:00Z", ["end"] = "2024-01-05T04:59:59Z",
                ["limit"] = "10000", ["adjustment"] = "all", ["feed"] = "iex", ["sort"] = "asc",
            },
            _fake.BarRequests[0]);
        Assert.Equal(("split", "sip", "15Min"), (_fake.BarRequests[1]["adjustment"], _fake.BarRequests[1]["feed"], _fake.BarRequests[1]["timeframe"]));
    }

    [Fact]
    public async Task A_refused_key_names_the_key_settings_and_never_the_key()
    {
        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => Client(_fake, _http, secret: "wrong-secret").GetBarsAsync(January2To4(), Cancel));

        Assert.Equal(AlpacaErrorKind.Unauthorized, error.Kind);
        Assert.Contains("ALPACA_API_KEY_ID and ALPACA_API_SECRET_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("request is not authorized", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDataServer.KeyId, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recent_sip_data_without_a_subscription_says_to_use_iex_or_an_older_end()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var recent = AlpacaBarsQuery.ForDates([Symbol.Parse("AAPL")], today.AddDays(-3), today);

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => Client(_fake, _http, feed: "sip").GetBarsAsync(recent, Cancel));

        Assert.Equal(AlpacaErrorKind.Forbidden, error.Kind);
        Assert.Contains("subscription does not permit querying recent SIP data", error.Message, StringComparison.Ordinal);
        Assert.Contains("feed iex (--feed iex)", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 15 minutes in the past", error.Message, StringComparison.Ordinal);
        // The same days from the IEX feed are served.
        Assert.Single((await Client(_fake, _http, feed: "iex").GetBarsAsync(recent, Cancel)).Pages);
    }

    [Theory]
    [InlineData(400, """{"code":40010001,"message":"invalid timeframe"}""", "Alpaca refused the parameter 'timeframe' (sent '1Day'): invalid timeframe")]
    [InlineData(422, """{"code":40010001,"message":"end should not be before start"}""",
        "Alpaca refused the parameter 'start' (sent '2024-01-02T05:00:00Z'), 'end' (sent '2024-01-05T04:59:59Z'): end should not be before start")]
    [InlineData(400, """{"message":"something is off"}""",
        "Alpaca refused the request (something is off); sent symbols=AAPL,MSFT&timeframe=1Day&start=2024-01-02T05:00:00Z&end=2024-01-05T04:59:59Z&limit=10000&adjustment=all&feed=iex&sort=asc.")]
    public async Task A_rejected_parameter_is_named_with_the_value_sent(int status, string body, string expected)
    {
        _fake.Script(status, body);

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => Client(_fake, _http).GetBarsAsync(January2To4(), Cancel));

        Assert.Equal(AlpacaErrorKind.Validation, error.Kind);
        Assert.Equal(expected, error.AlpacaMessage);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_the_query_goes_on()
    {
        _fake.PageSize = 2;
        _fake.Script(429, """{"message":"too many requests"}""");

        var result = await Client(_fake, _http).GetBarsAsync(January2To4(), Cancel);

        // One refused request, then the three pages.
        Assert.Equal(4, _fake.BarRequestCount);
        Assert.Equal(3, result.Bars[Symbol.Parse("AAPL")].Count);
    }

    [Fact]
    public async Task Answering_429_every_time_gives_up_after_the_transport_s_waits_and_says_so()
    {
        _fake.Script(429, """{"message":"too many requests"}""", count: 50);

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => Client(_fake, _http).GetBarsAsync(January2To4(), Cancel));

        // The first request and five waited-out retries (AlpacaHttp.MaxRateLimitWaits).
        Assert.Equal(AlpacaErrorKind.RateLimited, error.Kind);
        Assert.Equal(6, _fake.BarRequestCount);
        Assert.Contains("kept answering 429 (too many requests) after 5 waits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_query_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Client(_fake, _http).GetBarsAsync(January2To4() with { Adjustment = "split,bogus", Feed = "nasdaq" }, Cancel));

        Assert.Contains("adjustment 'bogus' is not one of raw, split, dividend, spin-off, all", error.Message, StringComparison.Ordinal);
        Assert.Contains("feed 'nasdaq' is not one of iex, sip, boats, otc", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fake.BarRequestCount);
    }

    [Fact]
    public async Task A_malformed_bar_in_a_page_is_named_by_page_symbol_and_field()
    {
        _fake.PageSize = 2;
        _fake.AddBars("NVDA", new FakeBar(new DateTimeOffset(2024, 1, 3, 5, 0, 0, TimeSpan.Zero), """{"c":"48.1","h":49,"l":47,"n":5,"o":48,"t":"2024-01-03T05:00:00Z","v":100,"vw":48}"""));

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => Client(_fake, _http).GetBarsAsync(January2To4(Symbol.Parse("NVDA")), Cancel));

        Assert.Equal(AlpacaErrorKind.ContractMismatch, error.Kind);
        Assert.Equal("page 1: bars.NVDA[0]: field 'c': expected a number, found a string (\"48.1\")", error.AlpacaMessage);
    }
}

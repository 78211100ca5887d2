using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meridian.Brokers.Alpaca.Tests.Fake;

namespace Meridian.Brokers.Alpaca.Tests.FakeSelfTests;

/// <summary>Plain HttpClient helpers: the self-tests check the fake's wire format, not any client's.</summary>
internal static partial class RawHttp
{
    /// <summary>An HttpClient on the fake with the given keys (the fake's own by default).</summary>
    public static HttpClient Client(FakeAlpaca fake, string? keyId = null, string? secretKey = null)
    {
        var client = new HttpClient { BaseAddress = fake.TradingUrl };
        if (keyId is not "")
        {
            client.DefaultRequestHeaders.Add("APCA-API-KEY-ID", keyId ?? fake.KeyId);
            client.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", secretKey ?? fake.SecretKey);
        }

        return client;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, CancellationToken ct) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), ct);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, string json, CancellationToken ct) =>
        client.PatchAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), ct);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>POSTs an order and returns the 200 body (fails the test otherwise).</summary>
    public static async Task<JsonElement> SubmitAsync(this HttpClient client, string json, CancellationToken ct)
    {
        using var response = await client.PostJsonAsync("/v2/orders", json, ct);
        var body = await response.JsonAsync(ct);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"POST /v2/orders answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public static string MarketOrder(string clientOrderId, string qty = "10", string side = "buy", string symbol = "AAPL") =>
        $$"""{"symbol":"{{symbol}}","qty":"{{qty}}","side":"{{side}}","type":"market","time_in_force":"day","client_order_id":"{{clientOrderId}}"}""";

    public static string LimitOrder(string clientOrderId, string limitPrice, string qty = "10", string side = "buy", string symbol = "AAPL") =>
        $$"""{"symbol":"{{symbol}}","qty":"{{qty}}","side":"{{side}}","type":"limit","limit_price":"{{limitPrice}}","time_in_force":"gtc","client_order_id":"{{clientOrderId}}"}""";

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static void AssertError(JsonElement body, int code, string? message = null)
    {
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.Str("message")));
        if (message is not null)
        {
            Assert.Equal(message, body.Str("message"));
        }
    }

    /// <summary>RFC-3339 in UTC with exactly nine fractional digits.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$")]
    public static partial Regex NanoTimestamp();

    /// <summary>A guard against a hung test; never a stand-in for synchronisation.</summary>
    public static CancellationTokenSource Guard(int seconds = 30)
    {
        var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(seconds));
        return guard;
    }
}

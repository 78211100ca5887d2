using System.Net;
using System.Net.Http.Json;
using Meridian.Gateway.Auth;

namespace Meridian.Gateway.Tests.Auth;

/// <summary>How a request's API key is found and checked, and how each refusal is answered.</summary>
public sealed class AuthenticationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_without_a_key_is_401_saying_no_key_was_sent()
    {
        await using var platform = await Platform.StartAsync();
        using var response = await platform.Client(null).GetAsync("/v1/whoami", Cancel);
        var detail = await Keys.AssertUnauthenticatedAsync(response);
        Assert.Contains("no API key", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("mrd_abc_def")]
    [InlineData("mrd_ABCDEFGHIJKL_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_malformed_key_is_401_saying_it_is_malformed(string token)
    {
        await using var platform = await Platform.StartAsync();
        using var response = await platform.Client(token).GetAsync("/v1/whoami", Cancel);
        var detail = await Keys.AssertUnauthenticatedAsync(response);
        Assert.Contains("malformed", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_and_an_unknown_key_id_get_the_same_answer()
    {
        await using var platform = await Platform.StartAsync();
        using var wrongSecret = await platform.Client(Keys.WithWrongSecret(Keys.IdOf(platform.AdminToken))).GetAsync("/v1/whoami", Cancel);
        using var unknownId = await platform.Client(Keys.WithWrongSecret("aaaaaaaaaaaa")).GetAsync("/v1/whoami", Cancel);

        var wrongDetail = await Keys.AssertUnauthenticatedAsync(wrongSecret);
        var unknownDetail = await Keys.AssertUnauthenticatedAsync(unknownId);
        Assert.Equal("the API key is unknown or wrong", wrongDetail);
        Assert.Equal(wrongDetail, unknownDetail);
    }

    [Fact]
    public async Task A_key_revoked_through_the_api_is_refused_on_its_next_request()
    {
        await using var platform = await Platform.StartAsync();
        var token = await platform.CreateKeyAsync(ApiRole.Viewer, "soon revoked");
        var client = platform.Client(token);
        using (var before = await client.GetAsync("/v1/whoami", Cancel))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var revoke = await platform.AdminClient().DeleteAsync($"/v1/keys/{Keys.IdOf(token)}", Cancel);
        var revoked = await Keys.JsonOf(revoke);
        using var after = await client.GetAsync("/v1/whoami", Cancel);

        Assert.True(revoked.TryGetProperty("revoked_at", out _));
        var detail = await Keys.AssertUnauthenticatedAsync(after);
        Assert.Contains("revoked", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_past_its_expiry_is_refused_saying_it_expired()
    {
        var clock = new ManualClock();
        await using var platform = await Platform.StartAsync(clock: clock);
        var token = await platform.CreateKeyAsync(ApiRole.Viewer, "short lived", expiresAt: clock.GetUtcNow().AddHours(1));
        var client = platform.Client(token);
        using (var before = await client.GetAsync("/v1/whoami", Cancel))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        clock.Advance(TimeSpan.FromHours(2));
        using var after = await client.GetAsync("/v1/whoami", Cancel);

        var detail = await Keys.AssertUnauthenticatedAsync(after);
        Assert.Contains("expired", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_may_come_in_the_x_api_key_header()
    {
        await using var platform = await Platform.StartAsync();
        var client = platform.Client(null);
        client.DefaultRequestHeaders.Add("X-API-Key", platform.AdminToken);

        var whoami = await Keys.JsonOf(await client.GetAsync("/v1/whoami", Cancel));

        Assert.Equal(Keys.IdOf(platform.AdminToken), whoami.GetProperty("key_id").GetString());
        Assert.Equal("admin", whoami.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_session_sets_an_http_only_strict_cookie_that_authenticates_and_ending_it_clears_it()
    {
        await using var platform = await Platform.StartAsync();
        var token = await platform.CreateKeyAsync(ApiRole.Viewer, "dashboard");
        var client = platform.Client(null);

        using var login = await client.PostAsJsonAsync("/v1/session", new { key = token }, Cancel);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("meridian_key=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);

        // HttpClient's handler keeps the cookie, as a browser would.
        var whoami = await Keys.JsonOf(await client.GetAsync("/v1/whoami", Cancel));
        Assert.Equal(Keys.IdOf(token), whoami.GetProperty("key_id").GetString());

        using var logout = await client.DeleteAsync("/v1/session", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var afterLogout = await client.GetAsync("/v1/whoami", Cancel);
        await Keys.AssertUnauthenticatedAsync(afterLogout);
    }

    [Fact]
    public async Task A_session_with_a_wrong_key_is_401_and_sets_no_cookie()
    {
        await using var platform = await Platform.StartAsync();

        using var login = await platform.Client(null).PostAsJsonAsync("/v1/session", new { key = Keys.WithWrongSecret(Keys.IdOf(platform.AdminToken)) }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Endpoints_marked_anonymous_stay_open_without_a_key()
    {
        await using var platform = await Platform.StartAsync();

        using var openApi = await platform.Client(null).GetAsync("/openapi/v1.json", Cancel);
        var document = await openApi.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/v1/keys", document, StringComparison.Ordinal);
    }
}

using System.Net.Http.Headers;
using System.Text;
using Meridian.Gateway.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Tests.Auth;

/// <summary>
/// Every endpoint that is not marked AllowAnonymous refuses a request without a valid key, whatever it is: the
/// catalog is read from the running app, so an endpoint added later is covered without touching this test.
/// </summary>
public sealed class EndpointCatalogTests
{
    [Fact]
    public async Task Every_protected_endpoint_refuses_no_key_a_wrong_key_and_a_revoked_key_with_401()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var platform = await Platform.StartAsync();
        var store = platform.Services.GetRequiredService<IApiKeyStore>();
        var revoked = await platform.CreateKeyAsync(ApiRole.Admin, "revoked");
        await store.RevokeAsync(Keys.IdOf(revoked), cancel);
        string?[] tokens = [null, Keys.WithWrongSecret(Keys.IdOf(platform.AdminToken)), revoked];

        var catalog = EndpointCatalog.Of(platform.Services);
        var protectedEndpoints = catalog.Where(e => !e.Anonymous).ToList();
        Assert.Contains(protectedEndpoints, e => e.ToString() == "POST /v1/keys");
        Assert.Contains(protectedEndpoints, e => e.ToString() == "GET /v1/whoami");
        Assert.Contains(catalog, e => e.ToString() == "POST /v1/session" && e.Anonymous);

        var client = platform.Client(null);
        var failures = new List<string>();
        foreach (var endpoint in protectedEndpoints)
        {
            foreach (var token in tokens)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
                if (token is not null)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                if (endpoint.HasBody)
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request, cancel);
                var kind = token is null ? "no key" : token == revoked ? "a revoked key" : "a wrong key";
                if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{endpoint} ({endpoint.Path}) with {kind}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_trader_endpoint_refuses_a_viewer_and_every_admin_endpoint_refuses_a_trader_with_403()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var platform = await Platform.StartAsync();
        var weaker = new Dictionary<string, string>
        {
            [GatewayPolicies.Trader] = await platform.CreateKeyAsync(ApiRole.Viewer, "viewer"),
            [GatewayPolicies.Admin] = await platform.CreateKeyAsync(ApiRole.Trader, "trader"),
        };

        var guarded = EndpointCatalog.Of(platform.Services)
            .Where(e => !e.Anonymous && e.Policies.Any(weaker.ContainsKey))
            .ToList();
        Assert.Contains(guarded, e => e.ToString() == "POST /v1/orders" && e.Policies.Contains(GatewayPolicies.Trader));
        Assert.Contains(guarded, e => e.ToString() == "DELETE /v1/orders/{client_order_id}");
        Assert.Contains(guarded, e => e.ToString() == "PUT /v1/portfolios/{portfolio_id}/trading_state" && e.Policies.Contains(GatewayPolicies.Admin));
        Assert.Contains(guarded, e => e.ToString() == "PUT /v1/portfolios/{portfolio_id}/risk_limits");
        Assert.Contains(guarded, e => e.ToString() == "POST /v1/models/{model}/promote");

        var client = platform.Client(null);
        var failures = new List<string>();
        foreach (var endpoint in guarded)
        {
            var policy = endpoint.Policies.Contains(GatewayPolicies.Admin) ? GatewayPolicies.Admin : GatewayPolicies.Trader;
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", weaker[policy]);
            if (endpoint.HasBody)
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request, cancel);
            if (response.StatusCode != System.Net.HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{endpoint} ({endpoint.Path}) with a key one role too weak for {policy}: {(int)response.StatusCode}");
        }
        Assert.Empty(failures);
    }
}

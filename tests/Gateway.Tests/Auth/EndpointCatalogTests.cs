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
}

using System.Net;
using System.Net.Http.Json;
using Meridian.Gateway.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Tests.Auth;

/// <summary>Roles: each policy admits its role and every higher one; too low a role is a 403 naming the role needed.</summary>
public sealed class AuthorizationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ApiRole.Viewer)]
    [InlineData(ApiRole.Trader)]
    public async Task A_key_below_admin_gets_403_on_key_management_naming_the_admin_role(ApiRole role)
    {
        await using var platform = await Platform.StartAsync();
        var client = platform.Client(await platform.CreateKeyAsync(role, "not an admin"));

        using var response = await client.GetAsync("/v1/keys", Cancel);

        var detail = await Keys.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("needs an admin key", detail, StringComparison.Ordinal);
        Assert.Contains($"is a {role.ToString().ToLowerInvariant()} key", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_key_may_read_whoami()
    {
        await using var platform = await Platform.StartAsync();
        var token = await platform.CreateKeyAsync(ApiRole.Viewer, "reader");

        var whoami = await Keys.JsonOf(await platform.Client(token).GetAsync("/v1/whoami", Cancel));

        Assert.Equal("viewer", whoami.GetProperty("role").GetString());
        Assert.Equal("reader", whoami.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(ApiRole.Viewer, GatewayPolicies.Viewer, true)]
    [InlineData(ApiRole.Viewer, GatewayPolicies.Trader, false)]
    [InlineData(ApiRole.Viewer, GatewayPolicies.Admin, false)]
    [InlineData(ApiRole.Trader, GatewayPolicies.Viewer, true)]
    [InlineData(ApiRole.Trader, GatewayPolicies.Trader, true)]
    [InlineData(ApiRole.Trader, GatewayPolicies.Admin, false)]
    [InlineData(ApiRole.Admin, GatewayPolicies.Viewer, true)]
    [InlineData(ApiRole.Admin, GatewayPolicies.Trader, true)]
    [InlineData(ApiRole.Admin, GatewayPolicies.Admin, true)]
    public async Task Each_policy_admits_its_role_and_the_roles_above(ApiRole role, string policy, bool admitted)
    {
        await using var platform = await Platform.StartAsync();
        var store = platform.Services.GetRequiredService<IApiKeyStore>();
        var caller = (await store.AuthenticateAsync(await platform.CreateKeyAsync(role, "key"), Cancel))!;

        var result = await platform.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(caller.ToPrincipal("ApiKey"), policy);

        Assert.Equal(admitted, result.Succeeded);
    }

    [Fact]
    public async Task An_admin_creates_a_key_whose_token_works_once_shown_and_is_never_listed()
    {
        await using var platform = await Platform.StartAsync();
        var admin = platform.AdminClient();

        using var create = await admin.PostAsJsonAsync("/v1/keys", new { name = "desk", role = "trader", portfolios = new List<string> { "alpha" } }, Cancel);
        var created = await Keys.JsonOf(create, HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;
        var keyId = created.GetProperty("key").GetProperty("key_id").GetString()!;
        var whoami = await Keys.JsonOf(await platform.Client(token).GetAsync("/v1/whoami", Cancel));
        using var list = await admin.GetAsync("/v1/keys", Cancel);
        var listed = await list.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(keyId, Keys.IdOf(token));
        Assert.Equal("trader", whoami.GetProperty("role").GetString());
        Assert.Equal("alpha", Assert.Single(whoami.GetProperty("portfolios").EnumerateArray()).GetString());
        Assert.Contains(keyId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token[17..], listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("token", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_key_with_invalid_fields_is_422_naming_each()
    {
        await using var platform = await Platform.StartAsync();

        using var response = await platform.AdminClient().PostAsJsonAsync("/v1/keys",
            new { name = "", role = "viewer", portfolios = Array.Empty<string>(), expires_at = "2001-01-01T00:00:00Z" }, Cancel);

        var problem = await Keys.JsonOf(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Equal(["name", "portfolios", "expires_at"], fields);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404()
    {
        await using var platform = await Platform.StartAsync();

        using var response = await platform.AdminClient().DeleteAsync("/v1/keys/aaaaaaaaaaaa", Cancel);

        await Keys.AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }
}

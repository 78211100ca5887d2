using System.Net;
using System.Net.Http.Json;
using Meridian.Gateway.Auth;
using Microsoft.AspNetCore.Http;

namespace Meridian.Gateway.Tests.Auth;

/// <summary>A key scoped to some portfolios sees the others as not existing.</summary>
public sealed class PortfolioScopeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_scoped_to_portfolio_a_gets_404_for_portfolio_b_and_may_hand_out_a()
    {
        await using var platform = await Platform.StartAsync();
        var scoped = platform.Client(await platform.CreateKeyAsync(ApiRole.Admin, "desk a", ["a"]));

        using var forB = await scoped.PostAsJsonAsync("/v1/keys", new { name = "b reader", role = "viewer", portfolios = new List<string> { "b" } }, Cancel);
        using var forA = await scoped.PostAsJsonAsync("/v1/keys", new { name = "a reader", role = "viewer", portfolios = new List<string> { "a" } }, Cancel);
        using var forAll = await scoped.PostAsJsonAsync("/v1/keys", new { name = "all reader", role = "viewer" }, Cancel);

        var detail = await Keys.AssertProblemAsync(forB, HttpStatusCode.NotFound, "not_found");
        Assert.Equal("portfolio 'b' does not exist", detail);
        Assert.Equal(HttpStatusCode.Created, forA.StatusCode);
        await Keys.AssertProblemAsync(forAll, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public void The_check_admits_a_scoped_portfolio_and_answers_404_for_another_as_for_a_missing_one()
    {
        var context = new DefaultHttpContext();
        context.Items[typeof(Caller)] = new Caller("aaaaaaaaaaaa", "desk a", ApiRole.Trader, new HashSet<string> { "a" });

        Assert.Null(PortfolioAccess.Check(context, "a"));
        var problem = PortfolioAccess.Check(context, "b");
        Assert.Equal(404, problem?.Status);
        Assert.Equal("not_found", problem?.Code);
    }

    [Fact]
    public void An_unscoped_key_may_use_every_portfolio_and_no_key_none()
    {
        var unscoped = new DefaultHttpContext();
        unscoped.Items[typeof(Caller)] = new Caller("aaaaaaaaaaaa", "ops", ApiRole.Viewer, null);

        Assert.Null(PortfolioAccess.Check(unscoped, "anything"));
        Assert.Equal(404, PortfolioAccess.Check(new DefaultHttpContext(), "anything")?.Status);
    }
}

using System.Net;

namespace Meridian.Gateway.Tests;

public sealed class PlatformStartsTests
{
    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        await using var platform = await Platform.StartAsync();
        using var response = await platform.AdminClient().GetAsync("/v1/no-such-thing", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

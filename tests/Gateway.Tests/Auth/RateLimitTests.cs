using System.Net;

namespace Meridian.Gateway.Tests.Auth;

/// <summary>Each key has its own token bucket; over it, 429 with Retry-After, and other keys are untouched.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_key_over_its_burst_gets_429_with_retry_after_while_another_key_is_served()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var platform = await Platform.StartAsync(o =>
        {
            o.RequestsPerSecondPerKey = 2;
            o.BurstPerKey = 2;
        });
        var busy = platform.Client(await platform.CreateKeyAsync(Meridian.Gateway.Auth.ApiRole.Viewer, "busy"));
        var other = platform.Client(await platform.CreateKeyAsync(Meridian.Gateway.Auth.ApiRole.Viewer, "other"));

        // Eight requests against a bucket of two refilled by one every 500 ms: several must be refused.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => busy.GetAsync("/v1/whoami", cancel)));
        using var otherResponse = await other.GetAsync("/v1/whoami", cancel);

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var response in limited)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.True(retryAfter >= TimeSpan.FromSeconds(1), $"Retry-After {retryAfter} is under a second");
            await Keys.AssertProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        }
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
        foreach (var response in responses)
            response.Dispose();
    }
}

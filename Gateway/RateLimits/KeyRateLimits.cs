using System.Globalization;
using System.Threading.RateLimiting;
using Meridian.Gateway.Auth;
using Meridian.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Meridian.Gateway.RateLimits;

/// <summary>
/// Per-key rate limits: a token bucket per API key (<see cref="GatewayOptions.RequestsPerSecondPerKey"/>, holding up to
/// <see cref="GatewayOptions.BurstPerKey"/>), and one per remote address for requests without a valid key. Nothing
/// queues: a request over the limit gets 429 with <c>Retry-After</c> at once. Runs after authentication (the key is
/// the partition) and before authorization.
/// </summary>
public static class KeyRateLimits
{
    /// <summary>The buckets are refilled no more often than this (the partitioned limiter's heartbeat).</summary>
    private static readonly TimeSpan s_refill = TimeSpan.FromMilliseconds(100);

    /// <summary>Registers the limiter.</summary>
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bucket = BucketOf(options);
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => bucket));
            limiter.OnRejected = (rejected, _) => RejectAsync(rejected, bucket, options.RequestsPerSecondPerKey);
        });
    }

    /// <summary>Applies the limits (after authentication).</summary>
    public static WebApplication UseGatewayRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// A bucket refilled in steps of at least <see cref="s_refill"/>: 200 a second is 20 every 100 ms, 2 a second is 1
    /// every 500 ms. Refilled by the partitioned limiter's own heartbeat rather than a timer per key.
    /// </summary>
    internal static TokenBucketRateLimiterOptions BucketOf(GatewayOptions options)
    {
        var perSecond = Math.Max(1, options.RequestsPerSecondPerKey);
        var perStep = (int)Math.Ceiling(perSecond * s_refill.TotalSeconds);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.BurstPerKey),
            TokensPerPeriod = perStep,
            ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * perStep / perSecond),
            QueueLimit = 0,
            AutoReplenishment = false,
        };
    }

    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirst(Caller.KeyIdClaim)?.Value ?? "ip:" + context.Connection.RemoteIpAddress;

    private static ValueTask RejectAsync(OnRejectedContext rejected, TokenBucketRateLimiterOptions bucket, int perSecond)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : bucket.ReplenishmentPeriod;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var context = rejected.HttpContext;
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = Caller.Of(context) is { } caller
            ? $"key '{caller.KeyId}' is over its rate of {perSecond} requests a second; retry after {seconds} s"
            : $"this address is over its rate of requests without a key; retry after {seconds} s";
        return new ValueTask(Problem.Of(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests", detail).WriteAsync(context));
    }
}

using Meridian.Grains.Brokers;
using Meridian.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Api;

/// <summary>The health of the process and of what it depends on, in the shape of the silo's report.</summary>
public sealed record HealthView(string Status, IReadOnlyList<HealthEntry> Checks);

/// <summary>
/// /health/live (the process answers) and /health/ready (the database answers and the broker is usable): open to
/// anyone, as container platforms probe them without keys; they say nothing secret.
/// </summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("health").AllowAnonymous();
        health.MapGet("/live", () => Results.Ok(new HealthView("live", []))).WithSummary("The process is up");
        health.MapGet("/ready", async (SiloHealth silo, GatewayOptions options, HttpContext context) =>
        {
            var report = await silo.CheckAsync(context.RequestAborted);
            var broker = context.RequestServices.GetService<IBrokerHealth>();
            var checks = report.Entries.Append(BrokerCheck(options, broker)).ToList();
            var ready = checks.TrueForAll(c => c.Healthy);
            return Results.Json(new HealthView(ready ? "ready" : "not_ready", checks),
                statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).WithSummary("The database and the broker are reachable");
    }

    /// <summary>The simulated exchange runs in the silo, so it is usable whenever the silo is; other brokers report their own.</summary>
    private static HealthEntry BrokerCheck(GatewayOptions options, IBrokerHealth? broker)
    {
        if (broker?.Check() is { } health)
            return new HealthEntry($"broker: {health.Name}", health.Healthy, health.Detail);
        return options.Broker == "simulated"
            ? new HealthEntry("broker: simulated exchange", true, "in process")
            : new HealthEntry($"broker: {options.Broker}", false, "no health check for this broker");
    }
}

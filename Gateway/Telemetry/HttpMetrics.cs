using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Gateway.Telemetry;

/// <summary>The gateway's meter, <c>Meridian.Gateway</c>: how long each request took, by route template, method and status.</summary>
internal static class HttpMetrics
{
    public const string MeterName = "Meridian.Gateway";

    private static readonly Meter s_meter = new(MeterName);

    public static readonly Histogram<double> RequestDuration = s_meter.CreateHistogram<double>(
        "meridian_http_request_duration", "s", "HTTP request duration in seconds, by route template, method and status");
}

/// <summary>
/// Times every request up to the moment its response starts (the status is known then, and the client cannot see the
/// answer before it is counted). The route is the template, never the concrete path: ids would make a series each.
/// </summary>
internal sealed class HttpMetricsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMetrics.RequestDuration.Enabled)
            context.Response.OnStarting(s_record, new Timing(context, Stopwatch.GetTimestamp()));
        return next(context);
    }

    private static readonly Func<object, Task> s_record = state =>
    {
        var (context, started) = (Timing)state;
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        HttpMetrics.RequestDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("route", template is null ? "unmatched" : "/" + template.Trim('/')),
            new KeyValuePair<string, object?>("method", context.Request.Method),
            new KeyValuePair<string, object?>("status", context.Response.StatusCode));
        return Task.CompletedTask;
    };

    private sealed record Timing(HttpContext Context, long Started);
}

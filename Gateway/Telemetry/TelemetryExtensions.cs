using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Telemetry;

/// <summary>Metrics (System.Diagnostics.Metrics, served as Prometheus text, OTLP when configured) and JSON logs. (Skeleton.)</summary>
public static class TelemetryExtensions
{
    /// <summary>Registers the meters' listener, the OTLP exporter when configured and the order metrics listener.</summary>
    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, GatewayOptions options) => services;

    /// <summary>Measures every request's latency.</summary>
    public static WebApplication UseGatewayTelemetry(this WebApplication app) => app;

    /// <summary>GET /metrics in Prometheus text format.</summary>
    public static WebApplication MapGatewayMetrics(this WebApplication app) => app;
}

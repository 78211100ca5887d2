using Meridian.Gateway.Live;
using Meridian.Grains.Diagnostics;
using Meridian.Runtime.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Meridian.Gateway.Telemetry;

/// <summary>Metrics (System.Diagnostics.Metrics, served as Prometheus text, OTLP when configured) and JSON logs.</summary>
public static class TelemetryExtensions
{
    /// <summary>The meters the gateway exports: trading, runtime, gateway and process.</summary>
    public static readonly IReadOnlyList<string> MeterNames = [TradingMetrics.MeterName, RuntimeMetrics.MeterName, HttpMetrics.MeterName, ProcessMetrics.MeterName];

    /// <summary>Registers the meters' listener, the OTLP exporter when configured and the order metrics listener.</summary>
    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<RuntimeMetrics>();
        services.AddSingleton<ProcessMetrics>();
        services.AddSingleton(sp =>
        {
            // The observable meters exist before the exporter looks for instruments.
            sp.GetRequiredService<RuntimeMetrics>();
            sp.GetRequiredService<ProcessMetrics>();
            return new PrometheusExporter([.. MeterNames]);
        });
        services.AddTradingActivityListener<OrderTelemetryListener>();
        if (options.OtlpEndpoint is { } endpoint)
        {
            services.AddSingleton(sp =>
            {
                sp.GetRequiredService<RuntimeMetrics>();
                sp.GetRequiredService<ProcessMetrics>();
                return Sdk.CreateMeterProviderBuilder()
                    .AddMeter([.. MeterNames])
                    .AddOtlpExporter(o => o.Endpoint = endpoint)
                    .Build();
            });
        }

        services.AddHostedService<TelemetryStart>();
        return services;
    }

    /// <summary>Measures every request's latency.</summary>
    public static WebApplication UseGatewayTelemetry(this WebApplication app)
    {
        app.UseMiddleware<HttpMetricsMiddleware>();
        return app;
    }

    /// <summary>GET /metrics in Prometheus text format (a viewer key, as every endpoint).</summary>
    public static WebApplication MapGatewayMetrics(this WebApplication app)
    {
        app.MapGet("/metrics", (PrometheusExporter exporter) => Results.Text(exporter.Render(), PrometheusExporter.ContentType))
            .WithTags("runtime")
            .WithSummary("Metrics in the Prometheus text format 0.0.4");
        return app;
    }

    /// <summary>Console logs as JSON, one object per line, with scopes: what the co-hosted <c>run</c> writes.</summary>
    public static WebApplicationBuilder AddGatewayLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        return builder;
    }

    /// <summary>Creates the listeners at startup, so that counting starts with the host rather than at the first scrape.</summary>
    private sealed class TelemetryStart(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<PrometheusExporter>();
            services.GetService<MeterProvider>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

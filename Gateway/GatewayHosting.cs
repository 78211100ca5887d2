using Meridian.Gateway.Api;
using Meridian.Gateway.Audit;
using Meridian.Gateway.Auth;
using Meridian.Gateway.Dashboard;
using Meridian.Gateway.Json;
using Meridian.Gateway.Live;
using Meridian.Gateway.Problems;
using Meridian.Gateway.Telemetry;
using Meridian.Gateway.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway;

/// <summary>
/// Puts the gateway into a web host that also hosts the silo (the co-hosted setup): the services of every part, then
/// the request pipeline: problems, telemetry, audit (around authentication, so refused requests are recorded too),
/// authentication, per-key rate limits, authorization, endpoints.
/// </summary>
public static class GatewayHosting
{
    /// <summary>Registers the gateway's services; the silo (with <c>AddTrading</c>) is registered by the host.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.Configure<KestrelServerOptions>(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        services.ConfigureHttpJsonOptions(json => GatewayJson.Configure(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddTradingActivityFanOut();
        services.AddGatewayTelemetry(options);
        services.AddGatewayAuth(options);
        services.AddGatewayAudit();
        services.AddGatewayApi();
        services.AddGatewayDashboard();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Meridian gateway";
            document.Info.Description = "Orders, portfolios, models, prices and the runtime of a Meridian silo. JSON in snake_case; decimals are strings; errors are application/problem+json with a stable code.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The request pipeline and every endpoint.</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ProblemMiddleware>();
        app.UseGatewayTelemetry();
        app.UseRouting();
        app.UseGatewayAudit();
        app.UseGatewayAuth();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGatewayApi();
        app.MapGatewayMetrics();
        app.MapBrokerWebhook();
        app.MapGatewayDashboard();
        return app;
    }
}

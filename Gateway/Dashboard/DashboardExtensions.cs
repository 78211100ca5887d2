using Meridian.Gateway.Auth;
using Meridian.Gateway.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Dashboard;

/// <summary>The live dashboard at / and its server-sent events at /v1/events (docs/dashboard.md).</summary>
public static class DashboardExtensions
{
    /// <summary>Registers the live hub (a trading-activity listener and a hosted service) and the page's assets.</summary>
    public static IServiceCollection AddGatewayDashboard(this IServiceCollection services)
    {
        services.AddSingleton<LiveReadings>();
        services.AddTradingActivityListener<LiveHub>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveHub>());
        services.AddSingleton<DashboardAssets>();
        return services;
    }

    /// <summary>GET / (the page) and /dashboard/{path} (its scripts and styles), anonymous; GET /v1/events for a viewer key.</summary>
    public static WebApplication MapGatewayDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, DashboardAssets assets) => assets.ServeAsync(context, "index.html"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapMethods("/dashboard/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string path, DashboardAssets assets) => assets.ServeAsync(context, path))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/v1/events", EventStream.HandleAsync)
            .RequireAuthorization(GatewayPolicies.Viewer)
            .WithName("GetEvents")
            .WithSummary("Live events for the dashboard (text/event-stream): snapshot, order, portfolio, grains, models.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .Produces(StatusCodes.Status401Unauthorized);
        return app;
    }
}

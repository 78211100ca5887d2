using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Dashboard;

/// <summary>The live dashboard at / and its server-sent events. (Skeleton.)</summary>
public static class DashboardExtensions
{
    /// <summary>Registers the live-event hub.</summary>
    public static IServiceCollection AddGatewayDashboard(this IServiceCollection services) => services;

    /// <summary>GET / (the page and its assets) and the event stream.</summary>
    public static WebApplication MapGatewayDashboard(this WebApplication app) => app;
}

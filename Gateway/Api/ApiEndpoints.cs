using Meridian.Gateway.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Api;

/// <summary>The HTTP API under /v1 and the health endpoints.</summary>
public static class ApiEndpoints
{
    /// <summary>Registers the order index (a listener of the portfolios' activity and its background writer).</summary>
    public static IServiceCollection AddGatewayApi(this IServiceCollection services)
    {
        services.AddTradingActivityListener<OrderIndex>();
        services.AddHostedService(sp => sp.GetRequiredService<OrderIndex>());
        return services;
    }

    /// <summary>Every /v1 route and /health/live, /health/ready.</summary>
    public static WebApplication MapGatewayApi(this WebApplication app)
    {
        app.MapHealth();
        app.MapOrders();
        app.MapPortfolios();
        app.MapModels();
        app.MapPrices();
        app.MapRuntime();
        return app;
    }
}

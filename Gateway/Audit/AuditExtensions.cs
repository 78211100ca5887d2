using Meridian.Gateway.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Meridian.Gateway.Audit;

/// <summary>The audit log, the middleware that records every mutating request and the listener that records order events.</summary>
public static class AuditExtensions
{
    /// <summary>Registers the audit log (flushed when the host stops) and its order-event listener.</summary>
    public static IServiceCollection AddGatewayAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<AuditLog>());
        services.AddTradingActivityListener<OrderAuditListener>();
        return services;
    }

    /// <summary>Records every mutating request (who, what, when, result) after it is answered.</summary>
    public static WebApplication UseGatewayAudit(this WebApplication app)
    {
        app.UseMiddleware<AuditMiddleware>();
        return app;
    }
}

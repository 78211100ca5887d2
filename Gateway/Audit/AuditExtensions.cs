using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Audit;

/// <summary>The audit log and the middleware that records every mutating request. (Skeleton: filled in by the audit work.)</summary>
public static class AuditExtensions
{
    /// <summary>Registers the audit log and its order-event listener.</summary>
    public static IServiceCollection AddGatewayAudit(this IServiceCollection services) => services;

    /// <summary>Records every mutating request (who, what, when, result) after it is answered.</summary>
    public static WebApplication UseGatewayAudit(this WebApplication app) => app;
}

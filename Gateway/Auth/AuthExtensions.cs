using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Auth;

/// <summary>API-key authentication, the role policies and per-key rate limits. (Skeleton: filled in by the auth work.)</summary>
public static class AuthExtensions
{
    /// <summary>Registers the key store, the authentication scheme, the policies and the rate limiter.</summary>
    public static IServiceCollection AddGatewayAuth(this IServiceCollection services, GatewayOptions options)
    {
        services.AddAuthentication();
        services.AddAuthorizationBuilder()
            .AddPolicy(GatewayPolicies.Viewer, p => p.RequireAuthenticatedUser())
            .AddPolicy(GatewayPolicies.Trader, p => p.RequireAuthenticatedUser())
            .AddPolicy(GatewayPolicies.Admin, p => p.RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Authentication, rate limits, authorization, in that order.</summary>
    public static WebApplication UseGatewayAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

using Meridian.Gateway.RateLimits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Auth;

/// <summary>API-key authentication, the role policies, per-key rate limits and the key endpoints.</summary>
public static class AuthExtensions
{
    /// <summary>Registers the key store, the authentication scheme, the policies and the rate limiter.</summary>
    public static IServiceCollection AddGatewayAuth(this IServiceCollection services, GatewayOptions options)
    {
        services.AddSingleton<IApiKeyStore, ApiKeyStore>();
        services.AddHostedService<FirstKeyHint>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var viewer = Policy(ApiRole.Viewer);
        // Every endpoint needs at least a viewer key unless it says AllowAnonymous.
        services.AddAuthorizationBuilder()
            .AddPolicy(GatewayPolicies.Viewer, viewer)
            .AddPolicy(GatewayPolicies.Trader, Policy(ApiRole.Trader))
            .AddPolicy(GatewayPolicies.Admin, Policy(ApiRole.Admin))
            .SetDefaultPolicy(viewer)
            .SetFallbackPolicy(viewer);
        services.AddSingleton<IAuthorizationHandler, ApiRoleAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddGatewayRateLimits(options);
        return services;
    }

    /// <summary>Authentication, rate limits, authorization, in that order; and the key endpoints.</summary>
    public static WebApplication UseGatewayAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseGatewayRateLimits();
        app.UseAuthorization();
        app.MapGatewayKeys();
        return app;
    }

    private static AuthorizationPolicy Policy(ApiRole minimum) => new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser()
        .AddRequirements(new ApiRoleRequirement(minimum))
        .Build();
}

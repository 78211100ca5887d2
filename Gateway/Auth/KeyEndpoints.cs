using Meridian.Gateway.Problems;
using Meridian.Grains.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Gateway.Auth;

/// <summary>
/// Key management (admin): create, list, revoke; <c>GET /v1/whoami</c> (any key); and the dashboard's session, which
/// checks a key and keeps it in an HttpOnly, SameSite=Strict cookie.
/// </summary>
public static class KeyEndpoints
{
    /// <summary>The body of <c>POST /v1/keys</c>.</summary>
    public sealed record CreateKeyRequest(string? Name, ApiRole? Role, IReadOnlyList<string>? Portfolios, DateTimeOffset? ExpiresAt);

    /// <summary>The body of <c>POST /v1/session</c>.</summary>
    public sealed record SessionRequest(string? Key);

    /// <summary>Who the key is: <c>GET /v1/whoami</c> and <c>POST /v1/session</c> answer with it.</summary>
    public sealed record WhoAmI(string KeyId, string Name, ApiRole Role, IReadOnlyList<string>? Portfolios);

    /// <summary>Maps /v1/keys, /v1/whoami and /v1/session.</summary>
    public static IEndpointRouteBuilder MapGatewayKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/keys").RequireAuthorization(GatewayPolicies.Admin).WithTags("keys");
        keys.MapPost("/", CreateAsync).WithSummary("Create a key; its token is in this answer only");
        keys.MapGet("/", async (IApiKeyStore store, CancellationToken cancel) => Results.Ok(await store.ListAsync(cancel)))
            .WithSummary("Every key, newest first (never a secret)");
        keys.MapDelete("/{key_id}", RevokeAsync).WithSummary("Revoke a key at once");
        app.MapGet("/v1/whoami", (HttpContext context) => Results.Ok(WhoAmIOf(Caller.Of(context)!)))
            .RequireAuthorization(GatewayPolicies.Viewer).WithTags("keys").WithSummary("The calling key: id, name, role, portfolios");
        app.MapPost("/v1/session", StartSessionAsync).AllowAnonymous().WithTags("keys")
            .WithSummary("Check a key and keep it in the meridian_key cookie (the dashboard's login)");
        app.MapDelete("/v1/session", EndSession).AllowAnonymous().WithTags("keys").WithSummary("Clear the meridian_key cookie");
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateKeyRequest request, HttpContext context, IApiKeyStore store, CancellationToken cancel)
    {
        var errors = new List<FieldError>();
        if (request.Name is null)
            errors.Add(new FieldError("name", "is required"));
        if (request.Role is null)
            errors.Add(new FieldError("role", "is required: viewer, trader or admin"));
        if (errors.Count > 0)
            return Problem.Validation("the API key is invalid", errors).ToResult();
        // A key scoped to some portfolios may hand out only keys within its own scope.
        var caller = Caller.Of(context)!;
        if (caller.Portfolios is not null)
        {
            if (request.Portfolios is null)
            {
                return Problem.Of(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden",
                    $"key '{caller.KeyId}' is scoped to portfolios, so the keys it creates must name some of them").ToResult();
            }
            foreach (var portfolio in request.Portfolios)
            {
                if (PortfolioAccess.Check(context, portfolio) is { } problem)
                    return problem.ToResult();
            }
        }
        var created = await store.CreateAsync(request.Name!, request.Role!.Value, request.Portfolios, request.ExpiresAt, cancel);
        return Results.Created($"/v1/keys/{created.Key.KeyId}", created);
    }

    private static async Task<IResult> RevokeAsync(string key_id, IApiKeyStore store, CancellationToken cancel)
    {
        if (!await store.RevokeAsync(key_id, cancel))
            return Problem.NotFound($"key '{key_id}' does not exist").ToResult();
        return Results.Ok(await store.FindAsync(key_id, cancel));
    }

    private static async Task<IResult> StartSessionAsync(SessionRequest request, HttpContext context, IApiKeyStore store, CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(request.Key))
            return Problem.Validation("the session is invalid", [new FieldError("key", "is required: the API key to sign in with")]).ToResult();
        var verification = await store.VerifyAsync(request.Key, cancel);
        if (verification.Caller is not { } caller)
            return ApiKeyAuthenticationHandler.ProblemOf(verification).ToResult();
        context.Response.Cookies.Append(ApiKeyAuthenticationHandler.CookieName, request.Key, CookieOptionsFor(context));
        return Results.Ok(WhoAmIOf(caller));
    }

    private static IResult EndSession(HttpContext context)
    {
        context.Response.Cookies.Delete(ApiKeyAuthenticationHandler.CookieName, CookieOptionsFor(context));
        return Results.NoContent();
    }

    /// <summary>Out of reach of scripts (HttpOnly) and of other sites' requests (SameSite=Strict); Secure over HTTPS.</summary>
    private static CookieOptions CookieOptionsFor(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    private static WhoAmI WhoAmIOf(Caller caller) =>
        new(caller.KeyId, caller.Name, caller.Role, caller.Portfolios?.Order(StringComparer.Ordinal).ToArray());
}

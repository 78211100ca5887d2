using Meridian.Gateway.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Meridian.Gateway.Auth;

/// <summary>
/// Answers a key whose role is too low with a 403 problem naming the role the endpoint needs; a request without a
/// valid key is challenged as usual (the scheme's 401 problem).
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
            return _default.HandleAsync(next, context, policy, authorizeResult);
        var needed = policy.Requirements.OfType<ApiRoleRequirement>().Select(r => r.Minimum).DefaultIfEmpty(ApiRole.Viewer).Max();
        var caller = Caller.Of(context);
        var detail = caller is null
            ? $"this needs a {Name(needed)} key"
            : $"this needs a {Name(needed)} key (or higher); key '{caller.KeyId}' is a {Name(caller.Role)} key";
        return Problem.Of(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden", detail).WriteAsync(context);
    }

    private static string Name(ApiRole role) => role.ToString().ToLowerInvariant();
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Meridian.Gateway.Auth;

/// <summary>What the policies require: an authenticated key whose role is at least <paramref name="Minimum"/>.</summary>
internal sealed record ApiRoleRequirement(ApiRole Minimum) : IAuthorizationRequirement;

/// <summary>Grants <see cref="ApiRoleRequirement"/> to a key of that role or a higher one.</summary>
internal sealed class ApiRoleAuthorizationHandler : AuthorizationHandler<ApiRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiRoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Enum.TryParse<ApiRole>(context.User.FindFirst(ClaimTypes.Role)?.Value, ignoreCase: true, out var role)
            && role >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

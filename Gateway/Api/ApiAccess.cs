using Meridian.Gateway.Auth;
using Meridian.Gateway.Problems;
using Microsoft.AspNetCore.Http;

namespace Meridian.Gateway.Api;

/// <summary>The portfolio scope of the calling key, as the endpoints apply it: what is outside the scope does not exist.</summary>
internal static class ApiAccess
{
    /// <summary>The caller (the endpoint's policy has authenticated it).</summary>
    public static Caller CallerOf(HttpContext context) =>
        Caller.Of(context) ?? throw new ProblemException(ProblemMiddleware.ProblemOf(StatusCodes.Status401Unauthorized));

    /// <summary>Throws <see cref="PortfolioAccess.Check"/>'s 404 problem when the key may not see <paramref name="portfolioId"/>.</summary>
    public static void EnsurePortfolio(HttpContext context, string portfolioId)
    {
        if (PortfolioAccess.Check(context, portfolioId) is { } problem)
            throw new ProblemException(problem);
    }
}

using Meridian.Gateway.Problems;
using Microsoft.AspNetCore.Http;

namespace Meridian.Gateway.Auth;

/// <summary>
/// The portfolio scope check endpoints make before touching a portfolio: a key scoped to other portfolios gets the same
/// 404 as for a portfolio that does not exist, so a scope never reveals which portfolios there are.
/// </summary>
public static class PortfolioAccess
{
    /// <summary>Null when the request's key may use <paramref name="portfolioId"/>; otherwise the 404 to answer with.</summary>
    public static Problem? Check(HttpContext context, string portfolioId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(portfolioId);
        return Caller.Of(context) is { } caller && caller.CanAccess(portfolioId)
            ? null
            : Problem.NotFound($"portfolio '{portfolioId}' does not exist");
    }
}

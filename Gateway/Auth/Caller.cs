using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Meridian.Gateway.Auth;

/// <summary>
/// Who is calling: the API key that authenticated the request, its role and the portfolios it is scoped to
/// (<see cref="Portfolios"/> null: every portfolio). The authentication handler puts it on the request.
/// </summary>
public sealed record Caller(string KeyId, string Name, ApiRole Role, IReadOnlySet<string>? Portfolios)
{
    /// <summary>The claim type the key id travels in.</summary>
    public const string KeyIdClaim = "meridian:key_id";

    /// <summary>The claim type each scoped portfolio travels in (none: every portfolio).</summary>
    public const string PortfolioClaim = "meridian:portfolio";

    /// <summary>Whether the key may see or touch <paramref name="portfolioId"/>.</summary>
    public bool CanAccess(string portfolioId) => Portfolios is null || Portfolios.Contains(portfolioId);

    /// <summary>Whether the key's role is at least <paramref name="role"/>.</summary>
    public bool Has(ApiRole role) => Role >= role;

    /// <summary>The actor an audit entry names: the key's name and id.</summary>
    public string Actor => $"{Name} ({KeyId})";

    /// <summary>The caller as claims (what the authentication handler issues).</summary>
    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim>
        {
            new(KeyIdClaim, KeyId),
            new(ClaimTypes.Name, Name),
            new(ClaimTypes.Role, Role.ToString().ToLowerInvariant()),
        };
        if (Portfolios is not null)
            claims.AddRange(Portfolios.Select(p => new Claim(PortfolioClaim, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller of an authenticated request, or null (anonymous endpoints, failed authentication).</summary>
    public static Caller? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(typeof(Caller), out var cached))
            return (Caller?)cached;
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(KeyIdClaim) is not { } keyId)
            return null;
        var role = Enum.TryParse<ApiRole>(user.FindFirst(ClaimTypes.Role)?.Value, ignoreCase: true, out var r) ? r : ApiRole.Viewer;
        var portfolios = user.FindAll(PortfolioClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var caller = new Caller(keyId.Value, user.Identity.Name ?? keyId.Value, role, user.HasClaim(c => c.Type == PortfolioClaim) ? portfolios : null);
        context.Items[typeof(Caller)] = caller;
        return caller;
    }
}

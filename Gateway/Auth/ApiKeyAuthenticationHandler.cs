using System.Globalization;
using System.Text.Encodings.Web;
using Meridian.Gateway.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Meridian.Gateway.Auth;

/// <summary>
/// The "ApiKey" scheme: takes the token from <c>Authorization: Bearer</c>, else <c>X-API-Key</c>, else the dashboard's
/// <c>meridian_key</c> cookie (a browser's EventSource cannot set headers), and checks it with the key store. A refused
/// request gets a 401 problem saying what was wrong with the key: missing, malformed, unknown or wrong (one answer, so
/// a token never tells whether its key id exists), revoked, or expired.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header a key may come in besides <c>Authorization</c>.</summary>
    public const string HeaderName = "X-API-Key";

    /// <summary>The cookie <c>POST /v1/session</c> sets for the dashboard.</summary>
    public const string CookieName = "meridian_key";

    private static readonly object s_failureKey = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null)
            return AuthenticateResult.NoResult();
        if (token.Length == 0)
            return Fail(new ApiKeyVerification(ApiKeyOutcome.Malformed));
        var verification = await store.VerifyAsync(token, Context.RequestAborted);
        if (verification.Caller is not { } caller)
            return Fail(verification);
        Context.Items[typeof(Caller)] = caller;
        return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items.TryGetValue(s_failureKey, out var value) ? (ApiKeyVerification?)value : null;
        Response.Headers[HeaderNames.WWWAuthenticate] = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        return ProblemOf(failure).WriteAsync(Context);
    }

    /// <summary>The token the request carries: null when none, empty when the Authorization header is not a bearer token.</summary>
    internal static string? TokenOf(HttpRequest request)
    {
        if (request.Headers.Authorization is { Count: > 0 } authorization)
        {
            var value = authorization.ToString();
            return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : "";
        }
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count > 0)
            return header.ToString().Trim();
        return request.Cookies.TryGetValue(CookieName, out var cookie) ? cookie : null;
    }

    /// <summary>The 401 answer for a request without a valid key.</summary>
    internal static Problem ProblemOf(ApiKeyVerification? failure) => Problem.Of(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthenticated,
        "Authentication required", failure?.Outcome switch
        {
            null => "no API key: send one as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
            ApiKeyOutcome.Malformed => "the API key is malformed: a key is mrd_<key id>_<secret>, sent as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
            ApiKeyOutcome.Revoked => "the API key has been revoked; ask an admin for a new one",
            ApiKeyOutcome.Expired => string.Create(CultureInfo.InvariantCulture, $"the API key expired at {failure.Value.ExpiredAt:yyyy-MM-dd HH:mm:ss}Z; ask an admin for a new one"),
            _ => "the API key is unknown or wrong",
        });

    private AuthenticateResult Fail(ApiKeyVerification verification)
    {
        Context.Items[s_failureKey] = verification;
        return AuthenticateResult.Fail(verification.Outcome.ToString());
    }
}

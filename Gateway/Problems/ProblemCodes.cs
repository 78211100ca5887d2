namespace Meridian.Gateway.Problems;

/// <summary>The stable codes of the API's errors: clients branch on these, never on titles or details.</summary>
public static class ProblemCodes
{
    /// <summary>The body is not JSON, or not the JSON the endpoint takes (a field of the wrong type, an unknown field).</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>One or more fields are invalid; <c>errors</c> names each.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>The body is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>The body is larger than the gateway accepts.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>No API key, or one that is wrong, revoked or expired.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>The key's role or portfolio scope does not allow this.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>No such route, order, portfolio, model or grain.</summary>
    public const string NotFound = "not_found";

    /// <summary>The route exists but not with this HTTP method.</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>The client order id is already used by a different order.</summary>
    public const string OrderConflict = "order_conflict";

    /// <summary>The order's or portfolio's state does not allow this (cancel a filled order, open an open portfolio).</summary>
    public const string InvalidState = "invalid_state";

    /// <summary>The pre-trade risk gate denied the order; <c>denial_code</c> says which rule.</summary>
    public const string RiskDenied = "risk_denied";

    /// <summary>Too many requests for this key; wait <c>Retry-After</c> seconds.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>A webhook whose signature or timestamp does not verify.</summary>
    public const string InvalidSignature = "invalid_signature";

    /// <summary>A dependency (the database) is not reachable now; try again.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>A fault of the gateway's own: logged with the trace id, never with details in the answer.</summary>
    public const string Internal = "internal_error";
}

using System.Net;

namespace Meridian.Brokers.Alpaca.Rest;

/// <summary>
/// A failed call to Alpaca: the <see cref="Kind"/> the platform acts on, the endpoint, the HTTP status and Alpaca's own
/// code and message. Credentials never appear in it.
/// </summary>
public sealed class AlpacaApiException : Exception
{
    public AlpacaApiException(AlpacaErrorKind kind, string endpoint, string message, HttpStatusCode? status = null, long? code = null, Exception? inner = null)
        : base($"{endpoint}: {Describe(kind)}{(status is null ? "" : $" (HTTP {(int)status}{(code is null ? "" : $", code {code}")})")}: {message}", inner)
    {
        Kind = kind;
        Endpoint = endpoint;
        Status = status;
        Code = code;
        AlpacaMessage = message;
    }

    public AlpacaApiException() : this(AlpacaErrorKind.ServerError, "alpaca", "unknown failure") { }

    public AlpacaApiException(string message) : this(AlpacaErrorKind.ServerError, "alpaca", message) { }

    public AlpacaApiException(string message, Exception inner) : this(AlpacaErrorKind.ServerError, "alpaca", message, inner: inner) { }

    /// <summary>What kind of failure this is.</summary>
    public AlpacaErrorKind Kind { get; }

    /// <summary>The method and path called, e.g. <c>POST /v2/orders</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The HTTP status, when there was an answer.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>Alpaca's error code (e.g. 40310000), when it sent one.</summary>
    public long? Code { get; }

    /// <summary>Alpaca's message, or what went wrong locally.</summary>
    public string AlpacaMessage { get; }

    /// <summary>True for a refusal of the order itself (403 of any kind, or 422 validation): the order is rejected, not retried.</summary>
    public bool IsOrderRejection => Kind is AlpacaErrorKind.InsufficientFunds or AlpacaErrorKind.PatternDayTrader or AlpacaErrorKind.Forbidden or AlpacaErrorKind.Validation;

    /// <summary>True when the request may have been processed without the answer reaching us (timeout, 5xx, broken answer).</summary>
    public bool OutcomeUnknown => Kind is AlpacaErrorKind.NoResponse or AlpacaErrorKind.ServerError or AlpacaErrorKind.ContractMismatch;

    private static string Describe(AlpacaErrorKind kind) => kind switch
    {
        AlpacaErrorKind.Unauthorized => "credentials refused",
        AlpacaErrorKind.InsufficientFunds => "insufficient buying power or shares",
        AlpacaErrorKind.PatternDayTrader => "pattern day trader protection",
        AlpacaErrorKind.Forbidden => "forbidden",
        AlpacaErrorKind.NotFound => "not found",
        AlpacaErrorKind.Validation => "invalid request",
        AlpacaErrorKind.DuplicateClientOrderId => "client_order_id already used",
        AlpacaErrorKind.RateLimited => "rate limited",
        AlpacaErrorKind.ServerError => "server error",
        AlpacaErrorKind.NoResponse => "no response",
        AlpacaErrorKind.ContractMismatch => "response does not match Alpaca's contract",
        _ => kind.ToString(),
    };
}

namespace Meridian.Brokers.Alpaca.Rest;

/// <summary>What went wrong with a call to Alpaca, by the HTTP status and Alpaca's error code.</summary>
public enum AlpacaErrorKind
{
    /// <summary>401: the key id or secret is wrong. Not retried: a person must fix the settings.</summary>
    Unauthorized,

    /// <summary>403 (40310000): buying power, shares or a permission; the order is rejected.</summary>
    InsufficientFunds,

    /// <summary>403 (40310100): pattern-day-trader protection; the order is rejected.</summary>
    PatternDayTrader,

    /// <summary>Any other 403; the order is rejected.</summary>
    Forbidden,

    /// <summary>404: no such order, position or asset.</summary>
    NotFound,

    /// <summary>422: the request is invalid (the order is rejected), or the order can no longer be canceled or replaced.</summary>
    Validation,

    /// <summary>422 "client_order_id must be unique": an order with this id already exists, so an earlier submission landed.</summary>
    DuplicateClientOrderId,

    /// <summary>429: too many requests; retried after <c>X-RateLimit-Reset</c>.</summary>
    RateLimited,

    /// <summary>5xx: Alpaca failed. Reads are retried; an order's fate is looked up, never re-sent blindly.</summary>
    ServerError,

    /// <summary>No answer in time, or the connection failed: the request may or may not have been processed.</summary>
    NoResponse,

    /// <summary>The answer does not match Alpaca's published contract; nothing in it is trusted.</summary>
    ContractMismatch,
}

using System.Net;

namespace Meridian.Brokers.Alpaca.Rest;

/// <summary>Classifies Alpaca's error answers by HTTP status and error code (see ../shared/alpaca/NOTES.md §1.11).</summary>
public static class AlpacaErrors
{
    /// <summary>Alpaca's code for pattern-day-trader protection.</summary>
    public const long PatternDayTraderCode = 40310100;

    /// <summary>The kind of an error answer.</summary>
    public static AlpacaErrorKind Classify(HttpStatusCode status, long? code, string? message) => (int)status switch
    {
        401 => AlpacaErrorKind.Unauthorized,
        403 when code == PatternDayTraderCode || Mentions(message, "pattern day") => AlpacaErrorKind.PatternDayTrader,
        403 when Mentions(message, "buying power") || Mentions(message, "insufficient") => AlpacaErrorKind.InsufficientFunds,
        403 => AlpacaErrorKind.Forbidden,
        404 => AlpacaErrorKind.NotFound,
        422 when Mentions(message, "client_order_id must be unique") => AlpacaErrorKind.DuplicateClientOrderId,
        400 or 422 => AlpacaErrorKind.Validation,
        429 => AlpacaErrorKind.RateLimited,
        >= 500 => AlpacaErrorKind.ServerError,
        _ => AlpacaErrorKind.ContractMismatch,
    };

    private static bool Mentions(string? message, string text) => message?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}

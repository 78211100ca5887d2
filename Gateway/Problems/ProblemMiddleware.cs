using System.Text.Json;
using System.Text.RegularExpressions;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meridian.Gateway.Problems;

/// <summary>
/// Makes every error answer a problem: exceptions from user mistakes become 4xx with what was wrong and where, a fault
/// of the gateway's own becomes a 500 with only a trace id (the details go to the log), and a 4xx that an earlier stage
/// left without a body (no route, wrong method, wrong media type, no key) gets one.
/// </summary>
internal sealed partial class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (!context.Response.HasStarted && !(error is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var problem = ProblemOf(error);
            if (problem.Status >= 500)
                RequestFailed(logger, error, context.Request.Method, context.Request.Path.Value);
            context.Response.Clear();
            await problem.WriteAsync(context);
            return;
        }

        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && response.ContentType is null)
            await ProblemOf(response.StatusCode).WriteAsync(context);
    }

    internal static Problem ProblemOf(Exception error) => error switch
    {
        ProblemException p => p.Problem,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => PayloadTooLarge(),
        BadHttpRequestException { InnerException: JsonException json } => Malformed(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ProblemOf(StatusCodes.Status415UnsupportedMediaType),
        BadHttpRequestException bad => Problem.Of(bad.StatusCode, ProblemCodes.MalformedJson, "The request is malformed", Clean(bad.Message)),
        JsonException json => Malformed(json),
        InvalidInputException invalid => Problem.Validation(invalid.Message, invalid.Errors),
        OrderConflictException conflict => Problem.Of(StatusCodes.Status409Conflict, ProblemCodes.OrderConflict, "The client order id is taken", conflict.Message),
        PortfolioNotFoundException missing => Problem.NotFound(missing.Message),
        PortfolioExistsException exists => Problem.Of(StatusCodes.Status409Conflict, ProblemCodes.InvalidState, "The portfolio exists", exists.Message),
        OrderStateException state => Problem.Of(StatusCodes.Status409Conflict, ProblemCodes.InvalidState, "Not allowed in the order's state", state.Message),
        DatabaseUnavailableException => Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "The database is not reachable", "try again shortly"),
        _ => Problem.Of(StatusCodes.Status500InternalServerError, ProblemCodes.Internal, "Internal error", "the gateway failed to answer; the trace id finds it in the log"),
    };

    internal static Problem ProblemOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => Problem.Of(status, ProblemCodes.Unauthenticated, "Authentication required",
            "send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"),
        StatusCodes.Status403Forbidden => Problem.Of(status, ProblemCodes.Forbidden, "Forbidden", "the key's role or portfolios do not allow this"),
        StatusCodes.Status404NotFound => Problem.NotFound("no such resource"),
        StatusCodes.Status405MethodNotAllowed => Problem.Of(status, ProblemCodes.MethodNotAllowed, "Method not allowed", "this resource does not take that HTTP method"),
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge(),
        StatusCodes.Status415UnsupportedMediaType => Problem.Of(status, ProblemCodes.UnsupportedMediaType, "Unsupported media type", "send the body as application/json"),
        StatusCodes.Status429TooManyRequests => Problem.Of(status, ProblemCodes.RateLimited, "Too many requests", "this key is over its request rate; wait Retry-After seconds"),
        _ => Problem.Of(status, ProblemCodes.MalformedJson, "The request is malformed", "the request could not be understood"),
    };

    private static Problem PayloadTooLarge() =>
        Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "Request body too large", "the body is larger than the gateway accepts");

    private static Problem Malformed(JsonException json)
    {
        var field = json.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : "body";
        var message = Clean(json.InnerException is { } inner and not JsonException ? inner.Message : json.Message);
        return Problem.Of(StatusCodes.Status400BadRequest, ProblemCodes.MalformedJson, "The body is not valid JSON for this endpoint",
            $"{field}: {message}", [new FieldError(field.Length == 0 ? "body" : field, message)]);
    }

    /// <summary>A parser's message for a person: no .NET type names, no path or line suffix (the field says where).</summary>
    private static string Clean(string message)
    {
        message = PathSuffix().Replace(message, string.Empty);
        message = TypeName().Replace(message, m => m.Groups["name"].Value.ToLowerInvariant() switch
        {
            "string" => "text",
            "decimal" or "int32" or "int64" or "double" => "a number",
            "boolean" => "true or false",
            var other => other.Replace("request", string.Empty, StringComparison.Ordinal),
        });
        return message.Split(" (Parameter", 2)[0].Trim();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void RequestFailed(ILogger logger, Exception error, string method, string? path);

    [GeneratedRegex(@"\s*(Path:|LineNumber:).*$", RegexOptions.Singleline)]
    private static partial Regex PathSuffix();

    [GeneratedRegex(@"(System\.(Nullable`1\[)?|Meridian\.[A-Za-z.]+\.)(?<name>[A-Za-z0-9]+)\]?")]
    private static partial Regex TypeName();
}

using System.Diagnostics;
using System.Text.Json.Serialization;
using Meridian.Gateway.Json;
using Meridian.Grains.Domain;
using Microsoft.AspNetCore.Http;

namespace Meridian.Gateway.Problems;

/// <summary>
/// An RFC 7807 problem as the API writes it: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, the stable
/// <c>code</c>, per-field <c>errors</c> when fields are at fault, <c>instance</c> (the path) and <c>trace_id</c>.
/// </summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    string Code,
    IReadOnlyList<FieldError>? Errors = null,
    string? Instance = null,
    string? TraceId = null)
{
    /// <summary>Members particular to the problem (a risk denial's denial_code), written beside the standard ones.</summary>
    [JsonExtensionData]
    public Dictionary<string, object>? Extensions { get; init; }

    /// <summary>The media type of every error answer.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>A problem for <paramref name="code"/>; its type is a stable URI derived from the code.</summary>
    public static Problem Of(int status, string code, string title, string detail, IReadOnlyList<FieldError>? errors = null, Dictionary<string, object>? extensions = null) =>
        new($"https://meridian.dev/problems/{code}", title, status, detail, code, errors is { Count: > 0 } ? errors : null) { Extensions = extensions };

    /// <summary>422 with every field at fault.</summary>
    public static Problem Validation(string detail, IReadOnlyList<FieldError> errors) =>
        Of(StatusCodes.Status422UnprocessableEntity, ProblemCodes.ValidationFailed, "The request has invalid fields", detail, errors);

    /// <summary>404 for a thing that does not exist (or that the key may not see: the same answer, so nothing leaks).</summary>
    public static Problem NotFound(string detail) => Of(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found", detail);

    /// <summary>The problem as an endpoint result.</summary>
    public IResult ToResult() => new ProblemResult(this);

    /// <summary>Writes the problem as the response, with the request's path and trace id.</summary>
    public Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = this with
        {
            Instance = Instance ?? context.Request.Path.Value,
            TraceId = TraceId ?? Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
        };
        context.Response.StatusCode = Status;
        return context.Response.WriteAsJsonAsync(problem, GatewayJson.Options, ContentType);
    }

    private sealed class ProblemResult(Problem problem) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
    {
        public int? StatusCode => problem.Status;

        public string ContentType => Problem.ContentType;

        public Task ExecuteAsync(HttpContext httpContext) => problem.WriteAsync(httpContext);
    }
}

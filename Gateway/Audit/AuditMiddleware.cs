using System.Diagnostics;
using Meridian.Gateway.Auth;
using Meridian.Gateway.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Gateway.Audit;

/// <summary>
/// Records each mutating request (POST, PUT, PATCH, DELETE) once it is answered, refused ones too (it runs around
/// authentication and authorization): who (the key, or "anonymous"), the
/// route template and method, the target (the id in the route), the status. Never a body: keys and sessions carry secrets.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Route values that name what a request acts on, most specific first.</summary>
    private static readonly string[] s_targets = ["client_order_id", "key_id", "portfolio_id", "model", "name", "id"];

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (!IsMutating(method))
        {
            await next(context);
            return;
        }

        int? status = null;
        try
        {
            await next(context);
        }
        catch (Exception error)
        {
            // The problem middleware outside answers it: record the status it will answer with.
            status = ProblemMiddleware.ProblemOf(error).Status;
            throw;
        }
        finally
        {
            audit.Append(RecordOf(context, method, status ?? context.Response.StatusCode));
        }
    }

    private AuditRecord RecordOf(HttpContext context, string method, int status)
    {
        var path = context.Request.Path.Value ?? "/";
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        // A group's own route ("" under "/v1/orders") reads "/v1/orders/": the action names it as it is called.
        if (template is not null)
            template = "/" + template.Trim('/');
        var detail = AuditDetail.Start()
            .Add("path", path)
            .Add("trace_id", Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier)
            .End();
        return new AuditRecord(
            clock.GetUtcNow(),
            Caller.Of(context)?.Actor ?? "anonymous",
            $"{method} {template ?? path}",
            TargetOf(context.Request.RouteValues),
            status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            detail);
    }

    private static string? TargetOf(RouteValueDictionary values)
    {
        foreach (var name in s_targets)
        {
            if (values.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } text)
                return text;
        }

        return null;
    }

    private static bool IsMutating(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}

using System.Globalization;
using System.Text.Json;
using Meridian.Gateway.Audit;
using Meridian.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Gateway.Webhooks;

/// <summary>
/// The broker webhook: anonymous, authenticated by its HMAC-SHA256 signature over timestamp and body instead; a
/// timestamp outside the replay window, or a signature already seen inside it, is refused. Off (404) without a secret.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>The route.</summary>
    public const string Route = "/v1/webhooks/broker";

    /// <summary>POST /v1/webhooks/broker.</summary>
    public static WebApplication MapBrokerWebhook(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<GatewayOptions>();
        var guard = new WebhookReplayGuard();
        app.MapPost(Route, (HttpContext context, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken) =>
                ReceiveAsync(context, options, guard, audit, clock, cancellationToken))
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("ReceiveBrokerWebhook")
            .WithSummary("A broker event, signed with the shared webhook secret (X-Meridian-Timestamp, X-Meridian-Signature)");
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, GatewayOptions options, WebhookReplayGuard guard, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Mapped even when off, so that the answer is 404 rather than the fallback policy's 401 for an unknown route.
        if (options.WebhookSecret is null)
            return Problem.NotFound("the broker webhook is off: no webhook secret is configured").ToResult();
        var headers = context.Request.Headers;
        var timestamp = headers[WebhookSignature.TimestampHeader].ToString();
        var signature = headers[WebhookSignature.SignatureHeader].ToString();
        if (timestamp.Length == 0)
            return Refuse($"the {WebhookSignature.TimestampHeader} header is missing");
        if (signature.Length == 0)
            return Refuse($"the {WebhookSignature.SignatureHeader} header is missing");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
            return Refuse($"the {WebhookSignature.TimestampHeader} header '{timestamp}' is not a unix time in seconds");

        var now = clock.GetUtcNow();
        var sent = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var window = options.WebhookReplayWindow;
        if (sent < now - window)
            return Refuse($"the timestamp is too old: {(now - sent).TotalSeconds:F0} s ago, outside the replay window of {window.TotalSeconds:F0} s");
        if (sent > now + window)
            return Refuse($"the timestamp is too new: {(sent - now).TotalSeconds:F0} s ahead, outside the replay window of {window.TotalSeconds:F0} s");

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!WebhookSignature.Verify(options.WebhookSecret!, timestamp, body.Span, signature))
            return Refuse("the signature does not match the body and timestamp (HMAC-SHA256 with the webhook secret)");
        if (!guard.TryRemember(signature, sent + window, now))
            return Refuse("the webhook was already received (a replay of the same signature)");

        string eventName;
        try
        {
            using var json = JsonDocument.Parse(body);
            eventName = json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()!
                : throw new JsonException("the body must be a JSON object with a string 'event'");
        }
        catch (JsonException error)
        {
            return Problem.Of(StatusCodes.Status400BadRequest, ProblemCodes.MalformedJson, "The webhook body is not valid JSON for this endpoint",
                $"body: {error.Message}").ToResult();
        }

        audit.Append(new AuditRecord(now, "broker", "webhook." + eventName, null, "accepted",
            AuditDetailOf(timestamp, signature, context)));
        return Results.Accepted();
    }

    private static string AuditDetailOf(string timestamp, string signature, HttpContext context) =>
        AuditDetail.Start()
            .Add("timestamp", timestamp)
            .Add("signature", signature)
            .Add("trace_id", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier)
            .End();

    private static IResult Refuse(string detail) =>
        Problem.Of(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidSignature, "The webhook signature does not verify", detail).ToResult();
}

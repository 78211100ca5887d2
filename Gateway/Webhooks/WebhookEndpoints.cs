using Microsoft.AspNetCore.Builder;

namespace Meridian.Gateway.Webhooks;

/// <summary>The broker webhook: HMAC-SHA256 over timestamp and body, with a replay window. (Skeleton.)</summary>
public static class WebhookEndpoints
{
    /// <summary>POST /v1/webhooks/broker.</summary>
    public static WebApplication MapBrokerWebhook(this WebApplication app) => app;
}

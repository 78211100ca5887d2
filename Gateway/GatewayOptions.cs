namespace Meridian.Gateway;

/// <summary>How the gateway serves: limits, the webhook secret, telemetry export. Defaults suit the embedded run.</summary>
public sealed class GatewayOptions
{
    /// <summary>Requests each API key may make per second (a token bucket refilled every 100 ms).</summary>
    public int RequestsPerSecondPerKey { get; set; } = 200;

    /// <summary>Requests a key may make at once above its rate (the bucket's size).</summary>
    public int BurstPerKey { get; set; } = 400;

    /// <summary>Largest request body accepted, in bytes; a larger one gets 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The shared secret broker webhooks are signed with (HMAC-SHA256); null turns the webhook endpoint off.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How far a webhook's timestamp may be from now, either way, before it is refused as a replay.</summary>
    public TimeSpan WebhookReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where OTLP metrics go (OTEL_EXPORTER_OTLP_ENDPOINT); null exports nothing beyond /metrics.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>What the portfolios trade through, for the readiness check: "simulated" is the built-in exchange.</summary>
    public string Broker { get; set; } = "simulated";
}

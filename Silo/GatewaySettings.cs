using System.Globalization;
using Meridian.Gateway;

namespace Meridian.Silo;

/// <summary>The gateway's settings from the environment: MERIDIAN_RATE_LIMIT (requests per second per key), MERIDIAN_WEBHOOK_SECRET, OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
internal static class GatewaySettings
{
    public static GatewayOptions FromEnvironment()
    {
        var options = new GatewayOptions();
        if (Environment.GetEnvironmentVariable("MERIDIAN_RATE_LIMIT") is { Length: > 0 } rate)
        {
            if (!int.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out var perSecond) || perSecond <= 0)
                throw new Grains.Domain.InvalidInputException("MERIDIAN_RATE_LIMIT", [new("MERIDIAN_RATE_LIMIT", $"'{rate}' must be a whole number of requests per second above zero")]);
            options.RequestsPerSecondPerKey = perSecond;
            options.BurstPerKey = perSecond * 2;
        }
        if (Environment.GetEnvironmentVariable("MERIDIAN_WEBHOOK_SECRET") is { Length: > 0 } secret)
            options.WebhookSecret = secret;
        if (Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } otlp)
        {
            if (!Uri.TryCreate(otlp, UriKind.Absolute, out var endpoint))
                throw new Grains.Domain.InvalidInputException("OTEL_EXPORTER_OTLP_ENDPOINT", [new("OTEL_EXPORTER_OTLP_ENDPOINT", $"'{otlp}' is not an absolute URI")]);
            options.OtlpEndpoint = endpoint;
        }
        return options;
    }
}

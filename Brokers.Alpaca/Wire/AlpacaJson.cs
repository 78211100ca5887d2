using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Brokers.Alpaca.Wire;

/// <summary>
/// The JSON rules of Alpaca's APIs: snake_case names, decimals read from strings or numbers and written as strings,
/// RFC-3339 timestamps with up to nine fractional digits, unknown fields ignored, nulls left out when writing.
/// </summary>
public static class AlpacaJson
{
    /// <summary>The options every Alpaca request and response goes through.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new FlexibleDecimalConverter());
        options.Converters.Add(new Rfc3339TimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

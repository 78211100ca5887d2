using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Gateway.Json;

/// <summary>
/// The API's JSON: snake_case names and enum values like Alpaca's API, decimals as strings (the domain's value types
/// write themselves that way; the wire records carry decimals as text), nulls left out, no trailing commas or comments.
/// </summary>
public static class GatewayJson
{
    /// <summary>The options every endpoint reads and writes with.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's conventions to <paramref name="options"/> (ASP.NET Core's own options object).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.MaxDepth = 16;
        if (!options.Converters.OfType<DecimalStringConverter>().Any())
            options.Converters.Add(new DecimalStringConverter());
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }
}

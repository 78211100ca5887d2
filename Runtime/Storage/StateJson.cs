using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Runtime.Storage;

/// <summary>The JSON settings states are stored and shown with: fields included, enums as names, snake_case like the API.</summary>
public static class StateJson
{
    /// <summary>The shared, immutable options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            IncludeFields = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;

namespace Meridian.Grains.Domain;

/// <summary>The API's snake_case name of an enum value (pending_cancel, stop_limit, gtc), for messages a person reads.</summary>
public static class WireName
{
    /// <summary>The value's name as the API writes it.</summary>
    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
    }
}

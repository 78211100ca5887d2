using System.Text.Json;

namespace Meridian.Grains.Orders;

/// <summary>The API's snake_case name of an enum value (pending_cancel, time_in_force values), for messages a person reads.</summary>
internal static class WireName
{
    public static string Of(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

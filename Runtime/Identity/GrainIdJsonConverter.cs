using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Runtime;

/// <summary>Writes a <see cref="GrainId"/> as its text form.</summary>
public sealed class GrainIdJsonConverter : JsonConverter<GrainId>
{
    /// <inheritdoc />
    public override GrainId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("a grain id must be a string like 'type/s:key'");
        try
        {
            return GrainId.Parse(text);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, GrainId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Runtime.CodeGeneration;

/// <summary>
/// Serializes grain references as <c>{"interface": "...", "grain_id": "type/key"}</c> and reads them back as
/// live references bound to <paramref name="grainFactory"/>: references can travel in messages and state.
/// </summary>
public sealed class GrainReferenceJsonConverter(IGrainFactory grainFactory) : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) =>
        typeof(IAddressable).IsAssignableFrom(typeToConvert) && (typeToConvert.IsInterface || typeof(GrainReference).IsAssignableFrom(typeToConvert));

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), grainFactory)!;

    private sealed class Converter<T>(IGrainFactory grainFactory) : JsonConverter<T>
        where T : class, IAddressable
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
                return null;
            string? interfaceName = null, grainId = null;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("a grain reference must be an object with 'interface' and 'grain_id'");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "interface":
                        interfaceName = reader.GetString();
                        break;
                    case "grain_id":
                        grainId = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (interfaceName is null || grainId is null)
                throw new JsonException("a grain reference needs both 'interface' and 'grain_id'");
            var interfaceType = Type.GetType(interfaceName)
                ?? throw new JsonException($"grain reference names interface '{interfaceName}', which is not loaded");
            try
            {
                return (T)grainFactory.GetGrain(interfaceType, GrainId.Parse(grainId));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidCastException)
            {
                throw new JsonException($"grain reference {grainId} through {interfaceName} cannot be read: {e.Message}", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is not GrainReference reference)
                throw new JsonException($"only grain references can be serialized, not {value.GetType().Name} (use grain.AsReference<T>())");
            writer.WriteStartObject();
            writer.WriteString("interface", $"{reference.InterfaceType.FullName}, {reference.InterfaceType.Assembly.GetName().Name}");
            writer.WriteString("grain_id", reference.GrainId.ToString());
            writer.WriteEndObject();
        }
    }
}

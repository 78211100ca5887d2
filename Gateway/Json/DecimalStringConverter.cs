using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Gateway.Json;

/// <summary>
/// Decimals on the wire as Alpaca writes them: strings ("105.25"), so no client turns money into a double. Reads a
/// string or a number; anything else, or text that is not a plain decimal, is a JSON error naming the field.
/// </summary>
public sealed class DecimalStringConverter : JsonConverter<decimal>
{
    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDecimal(out var number))
                return number;
            throw new JsonException("the number is too large or too precise");
        }
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out decimal value, out var consumed, 'f') && consumed == reader.ValueSpan.Length && reader.ValueSpan.Length > 0)
            return value;
        throw new JsonException(reader.TokenType == JsonTokenType.String
            ? "expected a decimal number such as \"105.25\""
            : $"expected a decimal number as a string or number, not {reader.TokenType.ToString().ToLowerInvariant()}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[64];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }
}

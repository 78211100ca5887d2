using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Brokers.Alpaca.Wire;

/// <summary>
/// Alpaca's money and quantities: strings in the contract (<c>"qty":"2"</c>), numbers from some clients, so both are read;
/// always written as an invariant-culture string.
/// </summary>
public sealed class FlexibleDecimalConverter : JsonConverter<decimal>
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return reader.TryGetDecimal(out var number) ? number : throw new JsonException("the number does not fit a decimal");
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected a decimal as a string or number, found {reader.TokenType}");
        var text = reader.GetString();
        return decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a decimal");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}

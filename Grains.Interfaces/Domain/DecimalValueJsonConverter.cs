using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Grains.Domain;

/// <summary>A validated value type that is one decimal underneath.</summary>
public interface IDecimalValue<TSelf> where TSelf : IDecimalValue<TSelf>
{
    /// <summary>The underlying decimal.</summary>
    decimal Value { get; }

    /// <summary>Validates and wraps a decimal.</summary>
    static abstract TSelf FromDecimal(decimal value);
}

/// <summary>
/// Writes a decimal value type as a JSON string ("105.25"), as Alpaca does, so no reader turns it into a double;
/// reads a string or a number, and reports a value that fails validation as a JSON error naming it.
/// </summary>
public sealed class DecimalValueJsonConverter<T> : JsonConverter<T> where T : IDecimalValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        decimal value;
        if (reader.TokenType == JsonTokenType.Number)
            value = reader.GetDecimal();
        else if (reader.TokenType != JsonTokenType.String || !Utf8Parser.TryParse(reader.ValueSpan, out value, out var consumed) || consumed != reader.ValueSpan.Length)
            throw new JsonException($"expected a decimal number as a string or number for {typeof(T).Name}");
        try
        {
            return T.FromDecimal(value);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new JsonException(e.Message.Split(" (Parameter", 2)[0], e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value.ToString(CultureInfo.InvariantCulture));
}

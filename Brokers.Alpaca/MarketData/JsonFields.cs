using System.Text.Json;
using Meridian.Brokers.Alpaca.Wire;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>
/// Reads one field of a JSON object of Alpaca's market data (a bar, a trade, a stream message). Each reader returns
/// null when the field is there and of the right kind, or else a sentence naming the field and what is wrong.
/// </summary>
internal static class JsonFields
{
    /// <summary>A number (Alpaca sends prices and sizes as JSON numbers).</summary>
    public static string? Number(JsonElement item, string name, out decimal value)
    {
        value = 0m;
        if (!item.TryGetProperty(name, out var field))
            return Missing(name);
        if (field.ValueKind != JsonValueKind.Number)
            return $"field '{name}': expected a number, found {Describe(field)}";
        return field.TryGetDecimal(out value) ? null : $"field '{name}': {field.GetRawText()} does not fit a decimal";
    }

    /// <summary>A whole number, when the field is there; null (no error) when it is absent.</summary>
    public static string? OptionalInteger(JsonElement item, string name, out long? value)
    {
        value = null;
        if (!item.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
            return null;
        if (field.ValueKind == JsonValueKind.Number && field.TryGetInt64(out var number))
        {
            value = number;
            return null;
        }
        return $"field '{name}': expected a whole number, found {Describe(field)}";
    }

    /// <summary>A number, when the field is there; null (no error) when it is absent.</summary>
    public static string? OptionalNumber(JsonElement item, string name, out decimal? value)
    {
        value = null;
        if (!item.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
            return null;
        var error = Number(item, name, out var number);
        value = error is null ? number : null;
        return error;
    }

    /// <summary>An RFC-3339 timestamp with up to nine fractional digits (seven are kept).</summary>
    public static string? Time(JsonElement item, string name, out DateTimeOffset value)
    {
        value = default;
        if (!item.TryGetProperty(name, out var field))
            return Missing(name);
        if (field.ValueKind != JsonValueKind.String)
            return $"field '{name}': expected an RFC-3339 time as a string, found {Describe(field)}";
        return Rfc3339TimestampConverter.TryParse(field.GetString()!, out value) ? null : $"field '{name}': '{field.GetString()}' is not an RFC-3339 time";
    }

    /// <summary>A string.</summary>
    public static string? Text(JsonElement item, string name, out string value)
    {
        value = "";
        if (!item.TryGetProperty(name, out var field))
            return Missing(name);
        if (field.ValueKind != JsonValueKind.String)
            return $"field '{name}': expected a string, found {Describe(field)}";
        value = field.GetString()!;
        return null;
    }

    /// <summary>The kind of a JSON value in words, with a short piece of it.</summary>
    public static string Describe(JsonElement value)
    {
        var kind = value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => value.ValueKind.ToString(),
        };
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
            return kind;
        var text = value.GetRawText();
        return $"{kind} ({(text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…"))})";
    }

    private static string Missing(string name) => $"field '{name}' is missing";
}

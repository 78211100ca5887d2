using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meridian.Grains.Domain;

/// <summary>
/// A tradable instrument's ticker: 1 to 21 characters, upper-case letters and digits, with '.', '/' or '-'
/// inside (BRK.B, BTC/USD). Never a raw string in domain code.
/// </summary>
[JsonConverter(typeof(SymbolJsonConverter))]
public readonly record struct Symbol
{
    /// <summary>The longest symbol accepted (Alpaca's option symbols are 21 characters).</summary>
    public const int MaxLength = 21;

    private readonly string? _value;

    private Symbol(string value) => _value = value;

    /// <summary>The ticker text.</summary>
    public string Value => _value ?? throw new InvalidOperationException("default(Symbol) has no value: make symbols with Symbol.Parse.");

    /// <summary>Parses a ticker, or throws <see cref="ArgumentException"/> saying what is wrong with it.</summary>
    public static Symbol Parse(string text) =>
        TryParse(text, out var symbol, out var error) ? symbol : throw new ArgumentException(error, nameof(text));

    /// <summary>Parses a ticker; on failure <paramref name="error"/> says what is wrong, for a person.</summary>
    public static bool TryParse(string? text, out Symbol symbol, [NotNullWhen(false)] out string? error)
    {
        symbol = default;
        error = Validate(text);
        if (error is not null)
            return false;
        symbol = new Symbol(text!);
        return true;
    }

    private static string? Validate(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "symbol is empty";
        if (text.Length > MaxLength)
            return $"symbol '{text}' is {text.Length} characters long; at most {MaxLength} are allowed";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var separator = c is '.' or '/' or '-';
            if (separator && (i == 0 || i == text.Length - 1))
                return $"symbol '{text}' starts or ends with '{c}'";
            if (!separator && !char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
                return $"symbol '{text}' has '{c}' at position {i + 1}; use upper-case letters, digits, '.', '/' or '-'";
        }
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => _value ?? string.Empty;
}

/// <summary>Writes a <see cref="Symbol"/> as its ticker string.</summary>
public sealed class SymbolJsonConverter : JsonConverter<Symbol>
{
    /// <inheritdoc />
    public override Symbol Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Symbol.TryParse(reader.GetString(), out var symbol, out var error) ? symbol : throw new JsonException(error);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Symbol value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

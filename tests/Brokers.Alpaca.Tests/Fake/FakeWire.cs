using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>Wire helpers shared by the fake's JSON writers and request parsers.</summary>
internal static class FakeWire
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        // Alpaca's Go server does not escape '+', '<', '&' and the like; neither does the fake.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A decimal the way Alpaca writes it: invariant, no exponent, no trailing zeros ("2", "150", "105.89").</summary>
    public static string Dec(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static void WriteDec(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, Dec(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteTime(Utf8JsonWriter writer, string name, long? unixNanos)
    {
        if (unixNanos is { } t)
        {
            writer.WriteString(name, FakeTime.Format(t));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Builds one JSON document into a byte array.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Alpaca's error body: <c>{"code":40010001,"message":"..."}</c>.</summary>
    public static byte[] Error(int code, string message) => Build(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    /// <summary>
    /// Reads a money or quantity field that the spec types as a string; Alpaca also accepts JSON numbers.
    /// Returns false (with a message) for anything else, including an unparsable string.
    /// </summary>
    public static bool TryReadDecimal(JsonElement element, string name, out decimal value, out string? error)
    {
        value = 0;
        error = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetDecimal(out value):
                return true;
            case JsonValueKind.String when decimal.TryParse(element.GetString(),
                NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value):
                return true;
            default:
                error = $"invalid {name}";
                return false;
        }
    }

    /// <summary>Decimal places of a value once trailing zeros are dropped.</summary>
    public static int Scale(decimal value) => Dec(value) is var text && text.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0
        ? text.Length - dot - 1
        : 0;
}

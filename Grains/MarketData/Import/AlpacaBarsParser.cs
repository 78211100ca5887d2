using System.Text.Json;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// Reads a response of Alpaca's historical bars endpoint, single-symbol
/// (<c>{"symbol":"AAPL","bars":[{bar},...],"next_page_token":null}</c>) or multi-symbol
/// (<c>{"bars":{"AAPL":[{bar},...],"MSFT":[...]},...}</c>). A bar is <c>{"t":RFC-3339 open time,"o","h","l","c","v"}</c>;
/// its other fields (n, vw) and any unknown field are ignored. Errors carry the line the JSON reader was on.
/// </summary>
public sealed class AlpacaBarsParser : IBarFileParser
{
    private static readonly string[] s_barFields = ["t", "o", "h", "l", "c", "v"];

    /// <inheritdoc />
    /// <remarks>Alpaca serves every timeframe in this shape: the importer infers the period from the bars' spacing unless told.</remarks>
    public TimeSpan? Period => null;

    /// <inheritdoc />
    public ParsedBarFile Parse(string file, Stream content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var json = new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (json.StartsWith("\uFEFF"u8))
            json = json[3..];
        var errors = new SourceErrorList();
        var rows = new List<(Symbol?, SourceBar)>();
        var state = new ReadState(file, errors, rows);
        var reader = new Utf8JsonReader(json);
        try
        {
            state.ReadResponse(ref reader, json);
        }
        catch (JsonException e)
        {
            // Line numbers of JsonException are 0-based; its message ends with them, said again here in the usual form.
            var message = e.Message.Split(" LineNumber:", 2)[0].TrimEnd();
            errors.Add(file, (int)(e.LineNumber ?? 0) + 1, $"is not valid JSON: {message}");
        }
        return ParsedBarFile.Of(file, state.Rows(), errors);
    }

    /// <summary>The walk over one response, counting lines as the reader moves forward.</summary>
    private sealed class ReadState(string file, SourceErrorList errors, List<(Symbol?, SourceBar)> rows)
    {
        private long _counted;
        private int _line = 1;
        private Symbol? _responseSymbol;

        public void ReadResponse(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(file, LineOf(ref reader, json), "expected a JSON object with \"bars\" (Alpaca's bars response)");
                return;
            }
            var sawBars = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "symbol" && reader.TokenType == JsonTokenType.String)
                    _responseSymbol = ReadSymbol(reader.GetString()!, LineOf(ref reader, json));
                else if (name == "bars")
                {
                    sawBars = true;
                    ReadBarsValue(ref reader, json);
                }
                else
                    reader.Skip();
            }
            if (!sawBars)
                errors.Add(file, 1, "has no \"bars\"; expected Alpaca's bars response {\"bars\": ...}");
        }

        /// <summary>The rows, those of a single-symbol response given its symbol (which may come after the bars).</summary>
        public IEnumerable<(Symbol?, SourceBar)> Rows()
        {
            foreach (var (symbol, bar) in rows)
                yield return (symbol ?? _responseSymbol, bar);
        }

        private void ReadBarsValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    ReadBarArray(ref reader, json, null, keep: true);
                    break;
                case JsonTokenType.StartObject:
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var symbol = ReadSymbol(reader.GetString()!, LineOf(ref reader, json));
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.StartArray)
                            ReadBarArray(ref reader, json, symbol, keep: symbol is not null);
                        else
                        {
                            errors.Add(new SourceError(file, LineOf(ref reader, json), null, "bars", $"expected an array of bars, found {Describe(reader.TokenType)}"));
                            reader.Skip();
                        }
                    }
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    errors.Add(new SourceError(file, LineOf(ref reader, json), null, "bars", $"expected an array or an object of arrays, found {Describe(reader.TokenType)}"));
                    reader.Skip();
                    break;
            }
        }

        /// <summary>
        /// Reads an array of bars of <paramref name="symbol"/> (null in a single-symbol response); the bars of an invalid
        /// key are read for their errors but not kept.
        /// </summary>
        private void ReadBarArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Symbol? symbol, bool keep)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = LineOf(ref reader, json);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    errors.Add(file, line, $"expected a bar object, found {Describe(reader.TokenType)}");
                    reader.Skip();
                    continue;
                }
                if (ReadBar(ref reader, json, line) is { } bar && keep)
                    rows.Add((symbol, bar));
            }
        }

        private SourceBar? ReadBar(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int line)
        {
            var before = errors.Count;
            Span<decimal> values = stackalloc decimal[5];
            Span<bool> seen = stackalloc bool[6];
            DateTimeOffset time = default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Array.IndexOf(s_barFields, reader.GetString());
                reader.Read();
                if (field < 0)
                {
                    reader.Skip();
                    continue;
                }
                seen[field] = true;
                var at = LineOf(ref reader, json);
                if (field == 0)
                    time = ReadTime(ref reader, at);
                else
                    values[field - 1] = ReadNumber(ref reader, at, s_barFields[field]);
            }
            for (var i = 0; i < seen.Length; i++)
            {
                if (!seen[i])
                    errors.Add(new SourceError(file, line, null, s_barFields[i], "is missing; a bar needs t, o, h, l, c and v"));
            }
            return errors.Count > before ? null : new SourceBar(file, line, time, values[0], values[1], values[2], values[3], values[4]);
        }

        private DateTimeOffset ReadTime(ref Utf8JsonReader reader, int line)
        {
            if (reader.TokenType != JsonTokenType.String)
                errors.Add(new SourceError(file, line, null, "t", $"expected an RFC-3339 time as a string, found {Describe(reader.TokenType)}"));
            else if (TimestampFormat.Iso8601.TryParse(reader.GetString()!, out var time, out var error))
                return time;
            else
                errors.Add(new SourceError(file, line, null, "t", error));
            return default;
        }

        private decimal ReadNumber(ref Utf8JsonReader reader, int line, string field)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value))
                return SourceNumber.Round(value);
            var text = reader.TokenType is JsonTokenType.Number or JsonTokenType.String ? $"'{System.Text.Encoding.UTF8.GetString(reader.ValueSpan)}'" : Describe(reader.TokenType);
            errors.Add(new SourceError(file, line, null, field, $"{text} is not a number; {SourceNumber.Expected}"));
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                reader.Skip();
            return 0m;
        }

        private Symbol? ReadSymbol(string text, int line)
        {
            if (Symbol.TryParse(text, out var symbol, out var error))
                return symbol;
            errors.Add(new SourceError(file, line, null, "symbol", error));
            return null;
        }

        /// <summary>The 1-based line of the current token: newlines are counted once, from where the last count stopped.</summary>
        private int LineOf(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
        {
            var upTo = Math.Min(reader.TokenStartIndex, json.Length);
            if (upTo > _counted)
            {
                _line += json[(int)_counted..(int)upTo].Count((byte)'\n');
                _counted = upTo;
            }
            return _line;
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => token.ToString(),
        };
    }
}

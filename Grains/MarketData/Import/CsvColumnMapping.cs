using Meridian.Grains.Domain;

namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// Which header names of a delimited file hold a bar's fields. Names match the header case-insensitively. Symbol and
/// adjusted close are optional; without a symbol column every row is the file's one symbol.
/// </summary>
public sealed record CsvColumnMapping
{
    /// <summary>Headers named time, open, high, low, close, volume.</summary>
    public static CsvColumnMapping Default { get; } = new();

    /// <summary>The keys <see cref="Parse"/> knows, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["time", "open", "high", "low", "close", "volume", "symbol", "adj_close"];

    public string Time { get; init; } = "time";
    public string Open { get; init; } = "open";
    public string High { get; init; } = "high";
    public string Low { get; init; } = "low";
    public string Close { get; init; } = "close";
    public string Volume { get; init; } = "volume";

    /// <summary>The column naming each row's symbol, or null when the file holds one symbol.</summary>
    public string? Symbol { get; init; }

    /// <summary>The column of the close adjusted for splits and dividends (Yahoo's Adj Close), or null.</summary>
    public string? AdjustedClose { get; init; }

    /// <summary>
    /// Reads "time=Date,open=O,high=H,low=L,close=C,volume=V[,symbol=Ticker][,adj_close=Adj Close]" over
    /// <see cref="Default"/> (keys left out keep their default names); throws <see cref="InvalidInputException"/> listing
    /// every unknown key, repeated key or empty name.
    /// </summary>
    public static CsvColumnMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mapping = Default;
        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? pair : pair[..equals]).Trim().ToLowerInvariant();
            var name = equals < 0 ? "" : pair[(equals + 1)..].Trim();
            if (!Keys.Contains(key))
                errors.Add(new FieldError("map", $"'{key}' is not a column key; use {string.Join(", ", Keys)}"));
            else if (!seen.Add(key))
                errors.Add(new FieldError("map", $"'{key}' is given twice"));
            else if (name.Length == 0)
                errors.Add(new FieldError("map", $"'{key}' needs a header name, as in {key}=Name"));
            else
                mapping = mapping.With(key, name);
        }
        return errors.Count > 0 ? throw new InvalidInputException("column mapping", errors) : mapping;
    }

    /// <summary>(key, header name) of every mapped column, required ones first.</summary>
    public IEnumerable<(string Key, string Name)> Columns()
    {
        yield return ("time", Time);
        yield return ("open", Open);
        yield return ("high", High);
        yield return ("low", Low);
        yield return ("close", Close);
        yield return ("volume", Volume);
        if (Symbol is not null)
            yield return ("symbol", Symbol);
        if (AdjustedClose is not null)
            yield return ("adj_close", AdjustedClose);
    }

    private CsvColumnMapping With(string key, string name) => key switch
    {
        "time" => this with { Time = name },
        "open" => this with { Open = name },
        "high" => this with { High = name },
        "low" => this with { Low = name },
        "close" => this with { Close = name },
        "volume" => this with { Volume = name },
        "symbol" => this with { Symbol = name },
        _ => this with { AdjustedClose = name },
    };
}

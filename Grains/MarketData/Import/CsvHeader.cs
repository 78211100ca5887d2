namespace Meridian.Grains.MarketData.Import;

/// <summary>Where a <see cref="CsvColumnMapping"/>'s columns are in one file's header (0-based field indexes).</summary>
internal sealed class CsvHeader
{
    private readonly string _file;
    private readonly IReadOnlyList<string> _names;
    private readonly int[] _values;

    /// <summary>Finds every mapped column in <paramref name="names"/>; each one missing is an error on line 1.</summary>
    public CsvHeader(string file, IReadOnlyList<string> names, CsvColumnMapping mapping, SourceErrorList errors)
    {
        _file = file;
        _names = [.. names];
        Width = names.Count;
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, name) in mapping.Columns())
        {
            var index = IndexOf(names, name);
            if (index < 0)
                errors.Add(file, 1, $"the header has no column '{name}' for the {key.Replace('_', ' ')} (it has: {string.Join(", ", names)})");
            found[key] = index;
        }
        Time = found["time"];
        Open = found["open"];
        High = found["high"];
        Low = found["low"];
        Close = found["close"];
        Volume = found["volume"];
        Symbol = found.TryGetValue("symbol", out var symbol) ? symbol : null;
        AdjustedClose = found.TryGetValue("adj_close", out var adjusted) ? adjusted : null;
        _values = [Open, High, Low, Close, Volume, .. AdjustedClose is { } a ? new[] { a } : []];
    }

    /// <summary>How many fields each line has.</summary>
    public int Width { get; }

    public int Time { get; }
    public int Open { get; }
    public int High { get; }
    public int Low { get; }
    public int Close { get; }
    public int Volume { get; }
    public int? Symbol { get; }
    public int? AdjustedClose { get; }

    /// <summary>True when every price and volume field of the line says "null".</summary>
    public bool AllValuesAreNull(IReadOnlyList<string> fields)
    {
        foreach (var index in _values)
        {
            if (!fields[index].Equals("null", StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    /// <summary>An error at field <paramref name="index"/> of <paramref name="line"/>, named by its header.</summary>
    public SourceError Error(int line, int index, string message) => new(_file, line, index + 1, _names[index], message);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// Reads delimited text with a header line: <see cref="CsvColumnMapping"/> says which headers hold which field,
/// <see cref="TimestampFormat"/> how times are written. Blank lines are skipped; every other line must have as many
/// fields as the header (a delimiter inside an unquoted value shifts every column after it, so it is an error).
/// </summary>
public sealed class CsvBarParser : IBarFileParser
{
    private readonly CsvColumnMapping _mapping;
    private readonly TimestampFormat _times;
    private readonly char _delimiter;

    /// <param name="mapping">Which header names hold which field.</param>
    /// <param name="times">How times are written and the zone of local times.</param>
    /// <param name="delimiter">The field separator.</param>
    /// <param name="period">The bar length every file of this layout has, or null when it depends on the file.</param>
    public CsvBarParser(CsvColumnMapping mapping, TimestampFormat times, char delimiter = ',', TimeSpan? period = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(times);
        if (delimiter is '"' or '\r' or '\n')
            throw new ArgumentException($"'{delimiter}' cannot separate fields", nameof(delimiter));
        _mapping = mapping;
        _times = times;
        _delimiter = delimiter;
        Period = period;
    }

    /// <inheritdoc />
    public TimeSpan? Period { get; }

    /// <inheritdoc />
    public ParsedBarFile Parse(string file, Stream content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        var errors = new SourceErrorList();
        var rows = new List<(Symbol?, SourceBar)>();
        using var reader = new StreamReader(content, leaveOpen: true);
        var header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            errors.Add(file, 1, $"expected a header line naming the columns {string.Join(", ", _mapping.Columns().Select(c => c.Name))}");
            return ParsedBarFile.Of(file, rows, errors);
        }
        var fields = new List<string>();
        if (!CsvFields.TrySplit(header, _delimiter, fields))
            errors.Add(file, 1, "the header has a quote that is never closed");
        var columns = new CsvHeader(file, fields, _mapping, errors);
        if (!errors.IsEmpty)
            return ParsedBarFile.Of(file, rows, errors);

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (!CsvFields.TrySplit(line, _delimiter, fields))
                errors.Add(file, lineNumber, "a quote is never closed");
            else if (fields.Count != columns.Width)
                errors.Add(file, lineNumber, $"has {fields.Count} fields; the header has {columns.Width} (is there an unquoted '{_delimiter}' inside a value?)");
            else if (ReadRow(file, lineNumber, fields, columns, errors) is { } row)
                rows.Add(row);
        }
        return ParsedBarFile.Of(file, rows, errors);
    }

    private (Symbol?, SourceBar)? ReadRow(string file, int line, List<string> fields, CsvHeader columns, SourceErrorList errors)
    {
        if (columns.AllValuesAreNull(fields))
        {
            errors.Add(file, line, "every value is 'null' (Yahoo writes such rows for days it has no prices for); delete the row");
            return null;
        }
        var before = errors.Count;
        Symbol? symbol = null;
        if (columns.Symbol is { } symbolColumn)
        {
            var text = fields[symbolColumn].ToUpperInvariant();
            if (Symbol.TryParse(text, out var parsed, out var error))
                symbol = parsed;
            else
                errors.Add(columns.Error(line, symbolColumn, error));
        }
        if (!_times.TryParse(fields[columns.Time], out var time, out var timeError))
            errors.Add(columns.Error(line, columns.Time, timeError));
        var open = Number(fields, columns.Open, line, columns, errors);
        var high = Number(fields, columns.High, line, columns, errors);
        var low = Number(fields, columns.Low, line, columns, errors);
        var close = Number(fields, columns.Close, line, columns, errors);
        var volume = Number(fields, columns.Volume, line, columns, errors);
        decimal? adjusted = columns.AdjustedClose is { } adjustedColumn ? Number(fields, adjustedColumn, line, columns, errors) : null;
        return errors.Count > before ? null : (symbol, new SourceBar(file, line, time, open, high, low, close, volume, adjusted));
    }

    private static decimal Number(List<string> fields, int column, int line, CsvHeader columns, SourceErrorList errors)
    {
        if (SourceNumber.TryParse(fields[column], out var value))
            return value;
        errors.Add(columns.Error(line, column, SourceNumber.NotANumber(fields[column])));
        return 0m;
    }
}

using System.Text;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// Builds a CSV table with RFC 4180 quoting: a field holding a comma, a double quote, a carriage return or a line
/// feed is wrapped in double quotes, with each quote doubled; every other field is written as it is. Records end
/// with "\n" (not RFC 4180's CRLF) so the files are byte-identical on every machine and diff cleanly; a line break
/// inside a quoted field is kept as it was. A null field is empty.
/// </summary>
internal sealed class CsvWriter
{
    private readonly StringBuilder _text = new();
    private readonly int _columns;

    /// <summary>Starts a table with its header row.</summary>
    public CsvWriter(params string[] header)
    {
        _columns = header.Length;
        WriteRecord(header);
    }

    /// <summary>Appends one record; it must have as many fields as the header.</summary>
    public void WriteRecord(params string?[] fields)
    {
        if (fields.Length != _columns)
            throw new ArgumentException($"a record of {fields.Length} fields does not fit a table of {_columns} columns", nameof(fields));
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                _text.Append(',');
            AppendField(fields[i]);
        }
        _text.Append('\n');
    }

    /// <summary>The table so far.</summary>
    public override string ToString() => _text.ToString();

    private void AppendField(string? field)
    {
        if (string.IsNullOrEmpty(field))
            return;
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _text.Append(field);
            return;
        }
        _text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}

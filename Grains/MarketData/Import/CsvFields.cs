using System.Text;

namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// Splits one line of delimited text into its fields (RFC 4180: a field may be quoted, and a quote inside a quoted
/// field is doubled). A quoted field may not span lines; bar files never need that.
/// </summary>
internal static class CsvFields
{
    /// <summary>Fills <paramref name="fields"/> with the line's fields, trimmed; false when a quote is left open.</summary>
    public static bool TrySplit(string line, char delimiter, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"')
                    field.Append(line[++i]);
                else
                    quoted = false;
            }
            else if (c == '"')
                quoted = true;
            else if (c == delimiter)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
                field.Append(c);
        }
        fields.Add(field.ToString().Trim());
        return !quoted;
    }
}

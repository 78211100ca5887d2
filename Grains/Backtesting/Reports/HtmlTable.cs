using System.Net;
using System.Text;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>One cell: its text (plain, encoded when written), and optionally a CSS class, an inline style and a tooltip.</summary>
internal sealed record HtmlCell(string Text, string? Class = null, string? Style = null, string? Title = null)
{
    /// <summary>A plain text cell.</summary>
    public static implicit operator HtmlCell(string text) => new(text);

    /// <summary>A right-aligned number, green when <paramref name="sign"/> is positive and red when negative.</summary>
    public static HtmlCell Number(string text, decimal sign = 0) => new(text, sign > 0 ? "num pos" : sign < 0 ? "num neg" : "num");
}

/// <summary>
/// An HTML table built from plain strings: every header, cell text, class, style and title is HTML-encoded here, so
/// text from the data (a symbol, a denial message holding &lt;script&gt;) always shows as text.
/// </summary>
internal sealed class HtmlTable
{
    private readonly StringBuilder _rows = new();
    private readonly string _head;
    private readonly string? _class;

    /// <summary>A table with these column headers; a header starting with '#' is right-aligned (a number column), the '#' is not shown.</summary>
    public HtmlTable(string? cssClass, params string[] headers)
    {
        _class = cssClass;
        var head = new StringBuilder("<thead><tr>");
        foreach (var header in headers)
        {
            head.Append(header.StartsWith('#') ? "<th class=\"num\">" : "<th>").Append(Encode(header.TrimStart('#'))).Append("</th>");
        }
        _head = head.Append("</tr></thead>\n").ToString();
    }

    /// <summary>Appends a row of cells.</summary>
    public void AddRow(params HtmlCell[] cells)
    {
        _rows.Append("<tr>");
        foreach (var cell in cells)
        {
            _rows.Append("<td");
            AppendAttribute("class", cell.Class);
            AppendAttribute("style", cell.Style);
            AppendAttribute("title", cell.Title);
            _rows.Append('>').Append(Encode(cell.Text)).Append("</td>");
        }
        _rows.Append("</tr>\n");
    }

    /// <summary>The table, wrapped so a wide one scrolls sideways instead of widening the page.</summary>
    public override string ToString() =>
        $"<div class=\"scroll\"><table{(_class is null ? "" : $" class=\"{Encode(_class)}\"")}>\n{_head}<tbody>\n{_rows}</tbody></table></div>\n";

    /// <summary>HTML-encodes text for an element's content or a double-quoted attribute: &lt; &gt; &amp; " and ' become entities.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private void AppendAttribute(string name, string? value)
    {
        if (value is not null)
            _rows.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
    }
}

using System.Globalization;
using System.Text;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.MarketData.Import;

/// <summary>An <see cref="ImportReport"/> for people: a one-line-per-symbol summary, and the full report in Markdown.</summary>
public static class ImportReportText
{
    /// <summary>"ORCL 1d: 5036 read, 5030 accepted (5000 new, 30 replacing stored bars), 6 quarantined, 2 missing sessions; 5036 stored".</summary>
    public static string Summary(SymbolImport symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return string.Create(CultureInfo.InvariantCulture,
            $"{symbol.Symbol} {symbol.Period}: {symbol.Read} read, {symbol.Accepted} accepted ({symbol.Added} new, {symbol.Replaced} replacing stored bars of the same time), {symbol.Quarantined.Count} quarantined, {symbol.MissingSessions.Count} missing sessions; {symbol.Stored} stored");
    }

    /// <summary>The whole report: per symbol its counts, every quarantined bar with file, line, rule and reason, every missing session; then the actions stored.</summary>
    public static string Markdown(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# Import of {report.ImportedAt:yyyy-MM-dd HH:mm:ss}Z");
        Line($"");
        Line($"- Data directory: `{report.DataDirectory}`");
        Line($"- Files: {string.Join(", ", report.Files.Select(f => $"`{f}`"))}");
        foreach (var symbol in report.Symbols)
        {
            Line($"");
            Line($"## {symbol.Symbol} {symbol.Period}");
            Line($"");
            Line($"{Summary(symbol)}.");
            if (symbol.Replaced > 0)
                Line($"{symbol.Replaced} bars were already stored at the same open time and were replaced by the imported ones.");
            if (symbol.Quarantined.Count > 0)
            {
                Line($"");
                Line($"### Quarantined bars");
                Line($"");
                Line($"| file | line | time | rule | reason |");
                Line($"|---|---:|---|---|---|");
                foreach (var q in symbol.Quarantined)
                    Line($"| {q.Bar.File} | {q.Bar.Line} | {q.Bar.Time.UtcDateTime:yyyy-MM-dd HH:mm}Z | {WireName.Of(q.Rule)} | {q.Reason.Replace("|", "\\|", StringComparison.Ordinal)} |");
            }
            if (symbol.MissingSessions.Count > 0)
            {
                Line($"");
                Line($"### Missing sessions");
                Line($"");
                foreach (var missing in symbol.MissingSessions)
                    Line($"- {missing.Start.UtcDateTime:yyyy-MM-dd HH:mm}Z: {missing.Reason}");
            }
        }
        if (report.Actions.Count > 0)
        {
            Line($"");
            Line($"## Corporate actions stored");
            Line($"");
            Line($"| ex-date | symbol | action | value |");
            Line($"|---|---|---|---:|");
            foreach (var action in report.Actions)
                Line($"| {action.ExDate:yyyy-MM-dd} | {action.Symbol} | {(action.Kind == CorporateActionKind.Split ? "split" : "dividend")} | {action.Value} |");
        }
        return text.ToString();
    }
}

using System.Text;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// Writes a finished backtest's run directory: summary.json, orders.csv, fills.csv, trades.csv, equity.csv and
/// report.html (docs/backtest-reports.md describes each). The files depend on the result alone, never on the clock,
/// the machine or the current culture: the same result gives byte-identical files everywhere.
/// </summary>
public static class BacktestReportWriter
{
    // UTF-8 without a byte order mark: a BOM ends up as a stray character in the first CSV header for many readers.
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly (string Name, Func<BacktestResult, byte[]> Render)[] s_files =
    [
        ("summary.json", SummaryJson.Write),
        ("orders.csv", r => s_utf8.GetBytes(CsvFiles.Orders(r))),
        ("fills.csv", r => s_utf8.GetBytes(CsvFiles.Fills(r))),
        ("trades.csv", r => s_utf8.GetBytes(CsvFiles.Trades(r))),
        ("equity.csv", r => s_utf8.GetBytes(CsvFiles.Equity(r))),
        ("report.html", r => s_utf8.GetBytes(ReportHtml.Render(r))),
    ];

    /// <summary>
    /// Writes every file into <paramref name="directory"/>, creating it if needed and replacing files of the same
    /// names. Everything is rendered before the first byte is written, so a result that cannot be written leaves
    /// nothing behind.
    /// </summary>
    /// <exception cref="ArgumentException">A setting name appears twice (summary.json could not hold both).</exception>
    public static void Write(BacktestResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (DuplicateSettingName(result.Settings) is { } duplicate)
            throw new ArgumentException($"setting '{duplicate}' appears twice in the backtest result's settings; give each setting one entry so summary.json can hold them as an object", nameof(result));

        var rendered = s_files.Select(file => (file.Name, Bytes: file.Render(result))).ToList();
        Directory.CreateDirectory(directory);
        foreach (var (name, bytes) in rendered)
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
    }

    private static string? DuplicateSettingName(IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return settings.Select(s => s.Key).FirstOrDefault(name => !seen.Add(name));
    }
}

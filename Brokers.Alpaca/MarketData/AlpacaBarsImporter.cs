using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Import;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>What an import from Alpaca did.</summary>
/// <param name="Report">The importer's report (its files are the downloaded pages, by their temporary names).</param>
/// <param name="Pages">How many pages Alpaca sent.</param>
/// <param name="SymbolsWithoutBars">Symbols asked for that Alpaca sent no bars of (a wrong symbol, or none in the range).</param>
public sealed record AlpacaImportResult(ImportReport Report, int Pages, IReadOnlyList<Symbol> SymbolsWithoutBars);

/// <summary>
/// Imports Alpaca's historical bars into the bar store the way files are imported: every page of the query is
/// downloaded first, each page's body is written as it came into a scratch folder, and the pages go through the
/// <see cref="BarImporter"/> with <see cref="AlpacaBarsParser"/> as one import (its checks, quality gate and single
/// commit). A page ending mid-symbol is no matter: the importer joins a symbol's rows across files in order. When
/// Alpaca refuses, or the importer rejects the bars, the store is left as it was. The scratch folder is always removed.
/// </summary>
public sealed class AlpacaBarsImporter(AlpacaBarsClient client, BarImporter importer)
{
    private readonly AlpacaBarsClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly BarImporter _importer = importer ?? throw new ArgumentNullException(nameof(importer));

    /// <summary>
    /// Downloads <paramref name="query"/> and imports it into <paramref name="dataDirectory"/>, the bars' period being the
    /// query's timeframe. <paramref name="actionsFile"/> adds splits and dividends as for files (meant for raw bars:
    /// Alpaca's adjusted bars already include them). Throws <see cref="Rest.AlpacaApiException"/> when Alpaca refuses or
    /// fails and <see cref="ImportRejectedException"/> when the bars are rejected or there are none; nothing is written then.
    /// </summary>
    public async Task<AlpacaImportResult> ImportAsync(
        AlpacaBarsQuery query, string dataDirectory, string? actionsFile = null, IProgress<AlpacaBarsPage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var scratch = Directory.CreateTempSubdirectory("meridian-alpaca-bars-");
        try
        {
            var files = new List<string>();
            var received = new HashSet<Symbol>();
            var pages = 0;
            await foreach (var page in _client.GetPagesAsync(query, cancellationToken).ConfigureAwait(false))
            {
                pages++;
                progress?.Report(page);
                // A page with no bars (an empty last page) would be "holds no bars" to the importer: it adds nothing.
                if (page.BarCount == 0)
                    continue;
                foreach (var (symbol, count) in page.BarCounts)
                {
                    if (count > 0)
                        received.Add(symbol);
                }
                var file = Path.Combine(scratch.FullName, $"alpaca-page-{page.Number}.json");
                await File.WriteAllTextAsync(file, page.Json, cancellationToken).ConfigureAwait(false);
                files.Add(file);
            }
            var symbols = string.Join(",", query.Symbols.Select(s => s.Value));
            if (files.Count == 0)
            {
                throw new ImportRejectedException(
                    $"Alpaca sent no bars of {symbols} ({query.Timeframe}, {Range(query)}, feed {_client.FeedOf(query)}); nothing was written. "
                    + "Check the symbols and dates (no sessions in the range?), and the feed.");
            }
            var report = _importer.Import(new ImportRequest
            {
                DataDirectory = dataDirectory,
                Files = files,
                Parser = new AlpacaBarsParser(),
                Period = query.Timeframe.Period,
                ActionsFile = actionsFile,
            });
            return new AlpacaImportResult(report, pages, [.. query.Symbols.Where(s => !received.Contains(s))]);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string Range(AlpacaBarsQuery query) =>
        $"{(query.Start is { } start ? start.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "today")} to "
        + $"{(query.End is { } end ? end.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "now")}";
}

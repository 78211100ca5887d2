using System.Globalization;
using System.Text;
using Meridian.Grains.MarketData.History;
using Meridian.Grains.MarketData.Import;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Bench;

/// <summary>Puts a generated market into a bar store the way a user would: as Yahoo CSV files through the importer.</summary>
internal static class BarStoreFixture
{
    public static void Import(IReadOnlyList<BarSeries> market, string dataDirectory, string csvDirectory)
    {
        Directory.CreateDirectory(csvDirectory);
        var files = new List<string>();
        foreach (var series in market)
        {
            var csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
            for (var i = 0; i < series.Count; i++)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{TradingDay.Of(series.TimeAt(i)):yyyy-MM-dd},{series.Open[i]},{series.High[i]},{series.Low[i]},{series.Close[i]},{series.Close[i]},{series.Volume[i]}\n");
            }
            var path = Path.Combine(csvDirectory, series.Symbol.Value + ".csv");
            File.WriteAllText(path, csv.ToString());
            files.Add(path);
        }
        // One import per file: each names its symbol after the file.
        var importer = new BarImporter(new QualityGate(QualityRules.Default));
        foreach (var file in files)
            importer.Import(new ImportRequest { DataDirectory = dataDirectory, Files = [file], Parser = YahooCsv.Parser });
    }
}

using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// Yahoo Finance's daily history download: <c>Date,Open,High,Low,Close,Adj Close,Volume</c>, dates as yyyy-MM-dd.
/// Open to Close are split-adjusted as Yahoo published them; Adj Close is also adjusted for dividends. Yahoo writes
/// "null" in every value of a day it has no prices for: such a row is an error naming its line.
/// </summary>
public static class YahooCsv
{
    /// <summary>The header names.</summary>
    public static CsvColumnMapping Mapping { get; } = new()
    {
        Time = "Date", Open = "Open", High = "High", Low = "Low", Close = "Close", Volume = "Volume", AdjustedClose = "Adj Close",
    };

    /// <summary>A parser of Yahoo files: daily bars stamped at 00:00 New York time of their date.</summary>
    public static CsvBarParser Parser { get; } = new(Mapping, TimestampFormat.Create("yyyy-MM-dd", TradingDay.Zone), ',', TimeSpan.FromDays(1));
}

namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// One bar as a file gave it, before any check: where it came from (file and 1-based line, or the JSON element's
/// line) and its raw values. <paramref name="AdjustedClose"/> is the file's adjusted close when it has one (Yahoo's
/// Adj Close), used to derive corporate actions.
/// </summary>
public sealed record SourceBar(
    string File, int Line, DateTimeOffset Time,
    decimal Open, decimal High, decimal Low, decimal Close, decimal Volume,
    decimal? AdjustedClose = null);

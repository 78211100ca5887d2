using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// Reads one file of bars into <see cref="SourceBar"/> rows, collecting every place the file is malformed rather than
/// stopping at the first. Values that read but look wrong (a low above the high, a zero price) are not errors here:
/// the quality gate judges them.
/// </summary>
public interface IBarFileParser
{
    /// <summary>The bar length the format always has (a day for Yahoo), or null when it depends on the file.</summary>
    TimeSpan? Period { get; }

    /// <summary>Reads <paramref name="content"/>; <paramref name="file"/> is the name errors and rows carry.</summary>
    ParsedBarFile Parse(string file, Stream content);
}

using Meridian.Grains.Domain;

namespace Meridian.Grains.MarketData.Import;

/// <summary>What to import and where.</summary>
public sealed record ImportRequest
{
    /// <summary>The store's data directory; created when it does not exist.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The files of bars, all in the format <see cref="Parser"/> reads.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Reads the files: <see cref="YahooCsv.Parser"/>, an <see cref="AlpacaBarsParser"/> or a <see cref="CsvBarParser"/>.</summary>
    public required IBarFileParser Parser { get; init; }

    /// <summary>Whose bars the rows are when a file does not say; null to take the file's name (orcl.csv is ORCL).</summary>
    public Symbol? Symbol { get; init; }

    /// <summary>The bar length; null to take the format's, or else to infer it from the bars' spacing.</summary>
    public TimeSpan? Period { get; init; }

    /// <summary>A file of splits and dividends (<see cref="History.CorporateActionCsv"/>), or null.</summary>
    public string? ActionsFile { get; init; }

    /// <summary>Derive cash dividends from the files' adjusted close (<see cref="History.AdjustedCloseDividends"/>).</summary>
    public bool DeriveDividends { get; init; }
}

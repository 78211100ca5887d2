namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// One thing wrong in an input file, located for a person: the file, the 1-based line, and when known the 1-based
/// column (a CSV field's index) and its name (the header's name, or a JSON field's name).
/// </summary>
public sealed record SourceError(string File, int Line, int? Column, string? Field, string Message)
{
    /// <summary>"orcl.csv line 17, column 5 (Close): '12,5x' is not a number; expected a decimal like 12.50".</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File} line {Line}" : File;
        if (Column is { } column)
            where += $", column {column}";
        if (Field is not null)
            where += $" ({Field})";
        return $"{where}: {Message}";
    }
}

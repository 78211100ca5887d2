namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// The errors of one or more input files, kept up to a limit per file (a file that is wrong on every line would
/// otherwise bury the first, most useful errors), with a count of those left out.
/// </summary>
public sealed class SourceErrorList
{
    /// <summary>How many errors of one file are kept; the rest are only counted.</summary>
    public const int KeptPerFile = 50;

    private readonly List<SourceError> _kept = [];
    private readonly Dictionary<string, int> _perFile = new(StringComparer.Ordinal);

    /// <summary>The errors kept, in the order they were found.</summary>
    public IReadOnlyList<SourceError> Kept => _kept;

    /// <summary>Every error found, kept or not.</summary>
    public int Count { get; private set; }

    /// <summary>Errors found but not kept.</summary>
    public int Omitted => Count - _kept.Count;

    public bool IsEmpty => Count == 0;

    public void Add(SourceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Count++;
        var ofFile = _perFile.GetValueOrDefault(error.File) + 1;
        _perFile[error.File] = ofFile;
        if (ofFile <= KeptPerFile)
            _kept.Add(error);
    }

    public void Add(string file, int line, string message) => Add(new SourceError(file, line, null, null, message));

    public void AddRange(SourceErrorList other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var error in other._kept)
            Add(error);
        // Errors the other list only counted stay counted here.
        Count += other.Omitted;
    }

    /// <summary>One error a line, then how many were left out.</summary>
    public override string ToString()
    {
        var text = string.Join(Environment.NewLine, _kept);
        return Omitted > 0 ? $"{text}{Environment.NewLine}... and {Omitted} more errors" : text;
    }
}

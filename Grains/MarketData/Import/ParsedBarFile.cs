using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.MarketData.Import;

/// <summary>The rows of one symbol in a file, in file order; <paramref name="Symbol"/> is null when the file does not say whose they are.</summary>
public sealed record SymbolRows(Symbol? Symbol, IReadOnlyList<SourceBar> Bars);

/// <summary>What a file held: rows grouped by symbol in order of first appearance, and where it is malformed.</summary>
public sealed record ParsedBarFile(string File, IReadOnlyList<SymbolRows> Symbols, SourceErrorList Errors)
{
    /// <summary>Groups rows by symbol, keeping the order symbols first appear in.</summary>
    internal static ParsedBarFile Of(string file, IEnumerable<(Symbol? Symbol, SourceBar Bar)> rows, SourceErrorList errors)
    {
        // default(Symbol) keys the rows of a file that does not name their symbol.
        var groups = new Dictionary<Symbol, List<SourceBar>>();
        var order = new List<Symbol>();
        foreach (var (symbol, bar) in rows)
        {
            var key = symbol ?? default;
            if (!groups.TryGetValue(key, out var bars))
            {
                groups[key] = bars = [];
                order.Add(key);
            }
            bars.Add(bar);
        }
        if (order.Count == 0 && errors.IsEmpty)
            errors.Add(file, 0, "holds no bars");
        return new ParsedBarFile(file, order.ConvertAll(key => new SymbolRows(key == default ? null : key, groups[key])), errors);
    }
}

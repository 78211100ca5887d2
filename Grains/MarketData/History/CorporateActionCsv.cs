using System.Globalization;
using System.Text;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Import;

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// Corporate actions as text, one a line under the header <c>date,symbol,type,value</c>: the ex-date as yyyy-MM-dd,
/// the symbol, <c>split</c> (value: new shares per old share, 2 for 2-for-1, 0.1 for 1-for-10) or <c>dividend</c>
/// (value: cash per share). The importer reads the user's file with it and the store keeps each symbol's actions in it.
/// </summary>
public static class CorporateActionCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "date,symbol,type,value";

    /// <summary>Reads every action, or every error naming its line and column.</summary>
    public static (IReadOnlyList<CorporateAction> Actions, SourceErrorList Errors) Parse(string file, Stream content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        var errors = new SourceErrorList();
        var actions = new List<CorporateAction>();
        var lineOf = new Dictionary<(Symbol, DateOnly, CorporateActionKind), int>();
        using var reader = new StreamReader(content, leaveOpen: true);
        var fields = new List<string>();
        var header = reader.ReadLine();
        if (header is null || !CsvFields.TrySplit(header, ',', fields) || !fields.Select(f => f.ToLowerInvariant()).SequenceEqual(Header.Split(',')))
        {
            errors.Add(file, 1, $"expected the header '{Header}'");
            return (actions, errors);
        }
        var names = Header.Split(',');
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (!CsvFields.TrySplit(line, ',', fields) || fields.Count != names.Length)
            {
                errors.Add(file, lineNumber, $"expected {names.Length} fields: {Header}");
                continue;
            }
            var before = errors.Count;
            void Fail(int column, string message) => errors.Add(new SourceError(file, lineNumber, column + 1, names[column], message));

            if (!DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Fail(0, $"'{fields[0]}' is not a date; expected yyyy-MM-dd");
            if (!Symbol.TryParse(fields[1].ToUpperInvariant(), out var symbol, out var symbolError))
                Fail(1, symbolError);
            CorporateActionKind? kind = fields[2].ToLowerInvariant() switch
            {
                "split" => CorporateActionKind.Split,
                "dividend" => CorporateActionKind.CashDividend,
                _ => null,
            };
            if (kind is null)
                Fail(2, $"'{fields[2]}' is not an action; expected split or dividend");
            if (!decimal.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                Fail(3, SourceNumber.NotANumber(fields[3]));
            else if (value <= 0m)
                Fail(3, $"{fields[3]} must be greater than zero ({(kind == CorporateActionKind.Split ? "a split's ratio of new shares to old" : "cash per share")})");
            if (errors.Count > before)
                continue;
            if (lineOf.TryGetValue((symbol, date, kind!.Value), out var first))
            {
                errors.Add(file, lineNumber, $"{symbol} has a second {fields[2].ToLowerInvariant()} on {fields[0]} (the first is on line {first})");
                continue;
            }
            lineOf[(symbol, date, kind.Value)] = lineNumber;
            actions.Add(new CorporateAction(symbol, date, kind.Value, value));
        }
        return (actions, errors);
    }

    /// <summary>The text of <paramref name="actions"/>, in the order given.</summary>
    public static string Format(IEnumerable<CorporateAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var action in actions)
        {
            var type = action.Kind == CorporateActionKind.Split ? "split" : "dividend";
            text.Append(CultureInfo.InvariantCulture, $"{action.ExDate:yyyy-MM-dd},{action.Symbol},{type},{action.Value}\n");
        }
        return text.ToString();
    }
}

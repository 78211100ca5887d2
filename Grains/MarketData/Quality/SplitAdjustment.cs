using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Calendar;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// Close-to-close returns with the symbol's splits taken out: a split of ratio k going ex on a day between two bars
/// (after the first bar's New York date, up to and including the second's) multiplies the second close by k before
/// comparing, so a 2-for-1 split day (100 then 50) is a return of 0. Cash dividends are left in: they are a few percent
/// at most, far inside any sensible outlier limit. Actions of other symbols are ignored.
/// </summary>
internal sealed class SplitAdjustment
{
    private readonly List<CorporateAction> _splits;

    public SplitAdjustment(Symbol symbol, IReadOnlyList<CorporateAction> actions)
    {
        _splits = [.. actions.Where(a => a.Symbol == symbol && a.Kind == CorporateActionKind.Split).OrderBy(a => a.ExDate)];
        var errors = _splits
            .Where(s => s.Value <= 0m)
            .Select(s => new FieldError("value", $"split of {s.ExDate:yyyy-MM-dd} has ratio {s.Value}; a ratio is above zero (2 for 2-for-1, 0.1 for 1-for-10)"))
            .ToList();
        if (errors.Count > 0)
            throw new InvalidInputException($"corporate actions of {symbol}", errors);
    }

    /// <summary>The return from <paramref name="from"/>'s close to <paramref name="to"/>'s, split-adjusted, and whether a split fell between them.</summary>
    public (decimal Return, bool Adjusted) Return(SourceBar from, SourceBar to)
    {
        var ratio = Ratio(from, to);
        return ((to.Close * ratio / from.Close) - 1m, ratio != 1m);
    }

    /// <summary><paramref name="bar"/>'s close in the shares of <paramref name="later"/>: divided by the splits between them.</summary>
    public decimal CloseInSharesOf(SourceBar bar, SourceBar later) => bar.Close / Ratio(bar, later);

    /// <summary>The product of the ratios of the splits going ex after <paramref name="from"/>'s New York date, up to <paramref name="to"/>'s.</summary>
    private decimal Ratio(SourceBar from, SourceBar to)
    {
        if (_splits.Count == 0)
            return 1m;
        var after = NewYorkTime.DateOf(from.Time);
        var upTo = NewYorkTime.DateOf(to.Time);
        var ratio = 1m;
        foreach (var split in _splits)
        {
            if (split.ExDate > after && split.ExDate <= upTo)
                ratio *= split.Value;
        }
        return ratio;
    }
}

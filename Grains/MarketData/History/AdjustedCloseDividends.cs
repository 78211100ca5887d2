using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Import;
using Meridian.Grains.MarketData.Quality;

namespace Meridian.Grains.MarketData.History;

/// <summary>
/// Cash dividends recovered from an adjusted-close column (Yahoo's Adj Close). Yahoo's Close is split-adjusted and its
/// Adj Close also dividend-adjusted, so the ratio k = AdjClose / Close is constant except on dividend ex-dates, where
/// k(prev) / k(ex) = 1 − D / Close(prev); hence D = Close(prev) × (1 − k(prev) / k(ex)).
/// <list type="bullet">
/// <item>Tolerance: the file rounds each value to its last written place, so k wobbles. The rounding bound of
/// k(prev)/k(ex) is the sum, over the four values, of half a unit in the value's last place divided by the value. A
/// change counts only when |1 − k(prev)/k(ex)| exceeds twice that bound and <see cref="MinimumDrop"/> (0.01% of the
/// price). The floor is for providers whose adjustment wobbles more than their rounding: Yahoo's six-decimal files
/// move k by up to 1e-6 (about 8 bounds; Oracle 1995-2014, NVIDIA 1999-2014) where their smallest dividend moves it
/// by 1.6e-3. A dividend under 0.01% of the price, or under twice the rounding bound (about 0.1% of a $40 price
/// written with two decimals), is not seen.</item>
/// <item>Rounding: D is rounded to <see cref="Decimals"/> places, half away from zero, the precision dividends are
/// declared in; one that rounds to zero is dropped.</item>
/// <item>A change that makes k fall (a negative dividend) or takes more than <see cref="MaxDividendShare"/> of the
/// price is no dividend: it looks like a split the Close column is not adjusted for, or bad data. It is an error
/// naming the line, and the import is refused: give the actions in a file instead.</item>
/// </list>
/// </summary>
public static class AdjustedCloseDividends
{
    /// <summary>Decimal places of a derived dividend.</summary>
    public const int Decimals = 4;

    /// <summary>The smallest move of k, relative, taken for a dividend whatever the file's precision (0.01%).</summary>
    public const decimal MinimumDrop = 0.0001m;

    /// <summary>The largest share of the close a derived dividend may take (25%).</summary>
    public const decimal MaxDividendShare = 0.25m;

    /// <summary>
    /// The dividends implied by <paramref name="bars"/> (one symbol's, in time order; bars without an adjusted close,
    /// or with a price of zero or less, are passed over), or the errors of changes that are no dividend.
    /// </summary>
    public static (IReadOnlyList<CorporateAction> Dividends, SourceErrorList Errors) Derive(Symbol symbol, IReadOnlyList<SourceBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var dividends = new List<CorporateAction>();
        var errors = new SourceErrorList();
        SourceBar? previous = null;
        foreach (var bar in bars)
        {
            if (bar.AdjustedClose is not { } adjusted || adjusted <= 0m || bar.Close <= 0m)
                continue;
            if (previous is { AdjustedClose: { } previousAdjusted })
            {
                // k(prev) / k(ex), arranged to divide once.
                var ratio = previousAdjusted * bar.Close / (previous.Close * adjusted);
                var drop = 1m - ratio;
                var tolerance = Math.Max(MinimumDrop, 2m * (HalfUnit(previousAdjusted) + HalfUnit(previous.Close) + HalfUnit(adjusted) + HalfUnit(bar.Close)));
                if (Math.Abs(drop) > tolerance)
                {
                    if (drop < 0m || drop > MaxDividendShare)
                        errors.Add(bar.File, bar.Line, string.Create(CultureInfo.InvariantCulture,
                            $"Adj Close / Close moves by a factor of {1m / ratio:0.######} from line {previous.Line}, which no dividend explains (it would be {drop:P2} of the close): it looks like a split the Close column is not adjusted for, or bad data; give the corporate actions with an actions file instead of deriving them"));
                    else if (decimal.Round(previous.Close * drop, Decimals, MidpointRounding.AwayFromZero) is > 0m and var cash)
                        dividends.Add(new CorporateAction(symbol, TradingDay.Of(bar.Time), CorporateActionKind.CashDividend, cash));
                }
            }
            previous = bar;
        }
        return (dividends, errors);
    }

    /// <summary>Half a unit in <paramref name="value"/>'s last written place, relative to the value.</summary>
    private static decimal HalfUnit(decimal value) => 0.5m / (BarFile.PowersOfTen[Math.Min((int)value.Scale, BarFile.MaxScale)] * value);
}

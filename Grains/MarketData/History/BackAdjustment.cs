using System.Globalization;

namespace Meridian.Grains.MarketData.History;

/// <summary>Bars [<paramref name="Start"/>, <paramref name="End"/>) have their prices and volumes multiplied by these factors.</summary>
internal readonly record struct AdjustmentSegment(int Start, int End, decimal PriceFactor, decimal VolumeFactor);

/// <summary>
/// Back-adjustment at replay time: the latest prices stay as traded and earlier ones are scaled so that a split or a
/// dividend makes no jump in the series.
/// <list type="bullet">
/// <item>A split of ratio r with ex-date E: every bar before E has its prices divided by r and its volume multiplied by r.</item>
/// <item>A cash dividend D with ex-date E (CRSP's and Yahoo's method): with C the close of the last bar before E, every
/// bar before E has its prices multiplied by 1 − D/C; volume is unchanged. If a split goes ex on E too, C is first
/// divided by its ratio, since D is paid per share of E.</item>
/// </list>
/// "Before E" means opening before 00:00 New York time of E (<see cref="TradingDay.Start"/>). Factors multiply. An
/// adjusted price is rounded to <see cref="Decimals"/> places, half away from zero; one that would round to zero is
/// the smallest unit, 0.00000001. Rounding every price of a bar by the same positive factor keeps the bar's order
/// (low ≤ open, close ≤ high), since multiplying by a positive number and rounding both preserve ≤.
/// </summary>
internal static class BackAdjustment
{
    /// <summary>
    /// Decimal places of an adjusted price or volume. A price behind decades of splits keeps six significant digits (a
    /// $20 price behind a combined 1:480 ratio is $0.04166667), where Yahoo's six places keep only four, and the
    /// rounding error, at most 5e-9, is far below any tick. Price allows nine; eight is what crypto venues quote to.
    /// </summary>
    public const int Decimals = 8;

    private const decimal Smallest = 0.00000001m;

    public static decimal Price(decimal traded, decimal factor) =>
        Math.Max(decimal.Round(traded * factor, Decimals, MidpointRounding.AwayFromZero), Smallest);

    public static decimal Volume(decimal traded, decimal factor) =>
        decimal.Round(traded * factor, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The factors of <paramref name="view"/>'s bars under <paramref name="adjustment"/>, one segment per run of bars
    /// with the same factor (bars after the last action need none and are in no segment). Throws
    /// <see cref="InvalidDataException"/> for a dividend as large as the close before it.
    /// </summary>
    public static AdjustmentSegment[] Segments(in BarFileView view, IReadOnlyList<CorporateAction> actions, PriceAdjustment adjustment)
    {
        if (adjustment == PriceAdjustment.Raw || actions.Count == 0)
            return [];
        var steps = new List<(int Boundary, decimal Price, decimal Volume)>();
        foreach (var action in actions)
        {
            var boundary = view.IndexAtOrAfter(TradingDay.Start(action.ExDate).UtcTicks);
            if (boundary == 0)
                continue;
            if (action.Kind == CorporateActionKind.Split)
                steps.Add((boundary, 1m / action.Value, action.Value));
            else if (adjustment == PriceAdjustment.All)
                steps.Add((boundary, DividendFactor(view, action, boundary, actions), 1m));
        }
        // Latest first, so each segment's factor is the product of the actions after it.
        steps.Sort((a, b) => b.Boundary.CompareTo(a.Boundary));
        var segments = new List<AdjustmentSegment>(steps.Count);
        decimal price = 1m, volume = 1m;
        for (var k = 0; k < steps.Count; k++)
        {
            price *= steps[k].Price;
            volume *= steps[k].Volume;
            var start = k + 1 < steps.Count ? steps[k + 1].Boundary : 0;
            if (start < steps[k].Boundary)
                segments.Add(new AdjustmentSegment(start, steps[k].Boundary, price, volume));
        }
        return [.. segments];
    }

    private static decimal DividendFactor(in BarFileView view, CorporateAction dividend, int boundary, IReadOnlyList<CorporateAction> actions)
    {
        var close = view.CloseAt(boundary - 1);
        foreach (var action in actions)
        {
            if (action.Kind == CorporateActionKind.Split && action.ExDate == dividend.ExDate)
                close /= action.Value;
        }
        if (dividend.Value >= close)
        {
            var before = TradingDay.Of(new DateTimeOffset(view.TimeAt(boundary - 1), TimeSpan.Zero));
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{view.Symbol} dividend {dividend.Value} going ex on {dividend.ExDate:yyyy-MM-dd} is not less than the close {close:0.#########} of the bar before it ({before:yyyy-MM-dd}); check the corporate actions"));
        }
        return 1m - dividend.Value / close;
    }
}

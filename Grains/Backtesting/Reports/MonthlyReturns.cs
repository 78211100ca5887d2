using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>The return of one UTC calendar month; null when the equity it is measured from is zero or below.</summary>
internal sealed record MonthlyReturn(int Year, int Month, decimal? Return);

/// <summary>The return of one UTC calendar year (of its months that have points); null as for a month.</summary>
internal sealed record YearlyReturn(int Year, decimal? Return);

/// <summary>
/// Returns by calendar month (UTC): equity at the month's last point over equity at the previous month's last point,
/// minus one. The first month is measured from the first point of the curve (the starting equity), so the months
/// compound to exactly the total return. A month with no point has no return; the next month with points is measured
/// from the last month that had one. A year's return is measured the same way between year ends, so it is the
/// product of its months' (1 + return), minus one. Computed in decimal: a hand-worked example comes out exact.
/// </summary>
internal static class MonthlyReturns
{
    /// <summary>One entry per month that has at least one point, oldest first.</summary>
    public static IReadOnlyList<MonthlyReturn> Of(IReadOnlyList<EquityPoint> curve) =>
        PeriodReturns(curve, p => (p.Time.UtcDateTime.Year, p.Time.UtcDateTime.Month), (month, r) => new MonthlyReturn(month.Year, month.Month, r));

    /// <summary>One entry per year that has at least one point, oldest first.</summary>
    public static IReadOnlyList<YearlyReturn> ByYear(IReadOnlyList<EquityPoint> curve) =>
        PeriodReturns(curve, p => p.Time.UtcDateTime.Year, (year, r) => new YearlyReturn(year, r));

    private static List<TReturn> PeriodReturns<TPeriod, TReturn>(
        IReadOnlyList<EquityPoint> curve, Func<EquityPoint, TPeriod> periodOf, Func<TPeriod, decimal?, TReturn> make)
        where TPeriod : IEquatable<TPeriod>
    {
        var returns = new List<TReturn>();
        if (curve.Count == 0)
            return returns;
        var previous = curve[0].Equity.Amount;
        for (var i = 0; i < curve.Count; i++)
        {
            var period = periodOf(curve[i]);
            if (i < curve.Count - 1 && periodOf(curve[i + 1]).Equals(period))
                continue;
            var last = curve[i].Equity.Amount;
            returns.Add(make(period, previous > 0m ? last / previous - 1m : null));
            previous = last;
        }
        return returns;
    }
}

using Meridian.Grains.Portfolios;

namespace Meridian.Grains.Statistics;

/// <summary>
/// Turns an irregular equity curve (a point per fill or price mark) into one value per period, so that returns are
/// comparable with each other and annualize with a fixed number of periods per year.
/// </summary>
internal static class DailyEquity
{
    /// <summary>
    /// The first point (the starting equity), then the last point of each UTC calendar day. The first point is kept
    /// so that the returns compound to exactly the total return: without it the first day's moves (often the first
    /// fills and their fees) would fall outside every return. A day with no point yields nothing; it is not filled.
    /// </summary>
    public static IReadOnlyList<EquityPoint> Sample(IReadOnlyList<EquityPoint> curve)
    {
        var sampled = new List<EquityPoint>();
        if (curve.Count == 0)
            return sampled;
        sampled.Add(curve[0]);
        for (var i = 0; i < curve.Count; i++)
        {
            var isLastOfDay = i == curve.Count - 1 || UtcDay(curve[i + 1]) != UtcDay(curve[i]);
            // The first point closing its own day is already in, as the start.
            if (isLastOfDay && i > 0)
                sampled.Add(curve[i]);
        }
        return sampled;
    }

    /// <summary>Simple returns r_t = E_t / E_(t-1) - 1 of consecutive values.</summary>
    public static double[] Returns(IReadOnlyList<double> equity)
    {
        var returns = new double[Math.Max(0, equity.Count - 1)];
        for (var t = 1; t < equity.Count; t++)
            returns[t - 1] = equity[t] / equity[t - 1] - 1;
        return returns;
    }

    private static DateTime UtcDay(EquityPoint point) => point.Time.UtcDateTime.Date;
}

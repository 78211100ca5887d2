using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Positions;
using Meridian.Grains.Statistics;

namespace Meridian.Grains.Tests.Statistics;

/// <summary>Builds the short curves the statistics tests work out by hand.</summary>
internal static class EquityCurves
{
    /// <summary>Known answers are exact fractions; the returns pass through double division, so allow for rounding.</summary>
    public const double Tolerance = 1e-9;

    private static readonly DateTimeOffset s_firstClose = new(2026, 1, 5, 21, 0, 0, TimeSpan.Zero);

    /// <summary>One point per UTC day, at 21:00, starting Monday 5 January 2026.</summary>
    public static EquityPoint[] Daily(params decimal[] equity) =>
        [.. equity.Select((e, day) => new EquityPoint(s_firstClose.AddDays(day), Money.Of(e)))];

    /// <summary>A daily curve starting at 100 whose simple returns are exactly <paramref name="returns"/> (grown in decimal).</summary>
    public static EquityPoint[] FromReturns(params double[] returns)
    {
        var equity = new decimal[returns.Length + 1];
        equity[0] = 100m;
        for (var t = 0; t < returns.Length; t++)
            equity[t + 1] = equity[t] * (1m + (decimal)returns[t]);
        return Daily(equity);
    }

    /// <summary>A point at an ISO 8601 time, e.g. "2026-01-05T09:30:00Z".</summary>
    public static EquityPoint At(string time, decimal equity) =>
        new(DateTimeOffset.Parse(time, CultureInfo.InvariantCulture), Money.Of(equity));

    /// <summary>The statistics of a curve with no trades and no traded notional.</summary>
    public static PortfolioStatistics Of(IReadOnlyList<EquityPoint> curve, StatisticsOptions? options = null) =>
        PerformanceStatistics.Compute(curve, [], 0m, options ?? StatisticsOptions.Default);

    /// <summary>A closed round trip with the given gross realized P&amp;L and fees; the rest does not enter the statistics.</summary>
    public static PositionCycle Trade(decimal realizedPnl, decimal fees) =>
        new(1, Side.Buy, s_firstClose, s_firstClose.AddHours(1), 10m, Price.Of(100m), Price.Of(101m), Money.Of(realizedPnl), Money.Of(fees), 2);

    /// <summary>Asserts a figure exists and equals <paramref name="expected"/> within <see cref="Tolerance"/>.</summary>
    public static void AssertNear(double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual.Value, Tolerance);
    }
}

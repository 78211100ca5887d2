using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.History;

namespace Meridian.Grains.Tests.Backtesting;

/// <summary>Hand-made daily series for tests: one bar per weekday from a start date, stamped at 00:00 New York.</summary>
internal static class DailySeries
{
    /// <summary>The weekday dates from <paramref name="start"/> on, <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<DateOnly> Weekdays(DateOnly start, int count)
    {
        var dates = new List<DateOnly>();
        for (var date = start; dates.Count < count; date = date.AddDays(1))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                dates.Add(date);
        }
        return dates;
    }

    /// <summary>When the daily bar of <paramref name="date"/> opens: midnight in New York, in UTC.</summary>
    public static DateTimeOffset OpenOf(DateOnly date) => TradingDay.Start(date);

    /// <summary>
    /// A series with the given opens and closes; high is one above the larger of open and close, low one below the
    /// smaller (so limits and stops are not in play), volume 1,000,000.
    /// </summary>
    public static BarSeries Of(string symbol, DateOnly start, decimal[] opens, decimal[] closes)
    {
        var dates = Weekdays(start, closes.Length);
        var count = closes.Length;
        return new BarSeries(
            Symbol.Parse(symbol), TimeSpan.FromDays(1),
            [.. dates.Select(d => OpenOf(d).UtcTicks)],
            opens,
            [.. Enumerable.Range(0, count).Select(i => Math.Max(opens[i], closes[i]) + 1m)],
            [.. Enumerable.Range(0, count).Select(i => Math.Min(opens[i], closes[i]) - 1m)],
            closes,
            [.. Enumerable.Repeat(1_000_000m, count)]);
    }

    /// <summary>Opens one quarter above the previous close (the first at the first close), so every fill price tells which bar it came from.</summary>
    public static decimal[] OpensAfter(decimal[] closes) =>
        [.. closes.Select((close, i) => i == 0 ? close : closes[i - 1] + 0.25m)];
}

using System.Globalization;

namespace Meridian.Grains.Backtesting.Reports;

/// <summary>
/// Ticks for a time axis on calendar boundaries (UTC): whole hours, midnights, Mondays, the first of a month, the
/// first of January, with the step chosen from a fixed ladder so that a span gets at most about eight labels.
/// </summary>
internal static class TimeTicks
{
    private enum Unit { Hour, Day, Week, Month, Year }

    private readonly record struct Step(Unit Unit, int Count, double ApproximateDays);

    private static readonly Step[] s_ladder =
    [
        new(Unit.Hour, 1, 1 / 24.0), new(Unit.Hour, 2, 2 / 24.0), new(Unit.Hour, 3, 3 / 24.0), new(Unit.Hour, 6, 0.25), new(Unit.Hour, 12, 0.5),
        new(Unit.Day, 1, 1), new(Unit.Day, 2, 2), new(Unit.Week, 1, 7), new(Unit.Week, 2, 14),
        new(Unit.Month, 1, 30.44), new(Unit.Month, 2, 60.9), new(Unit.Month, 3, 91.3), new(Unit.Month, 6, 182.6),
        new(Unit.Year, 1, 365.25), new(Unit.Year, 2, 730.5), new(Unit.Year, 5, 1826), new(Unit.Year, 10, 3652), new(Unit.Year, 25, 9131),
        new(Unit.Year, 50, 18262), new(Unit.Year, 100, 36525),
    ];

    /// <summary>The ticks between <paramref name="from"/> and <paramref name="to"/> (both UTC, inclusive), each with its label.</summary>
    public static IReadOnlyList<(DateTime Time, string Label)> Between(DateTime from, DateTime to, int maxTicks = 8)
    {
        var spanDays = (to - from).TotalDays;
        var step = s_ladder.FirstOrDefault(s => spanDays / s.ApproximateDays <= maxTicks, s_ladder[^1]);
        var ticks = new List<(DateTime, string)>();
        for (var tick = FirstAtOrAfter(from, step); tick <= to; tick = Next(tick, step))
            ticks.Add((tick, Label(tick, step.Unit)));
        return ticks;
    }

    private static DateTime FirstAtOrAfter(DateTime from, Step step)
    {
        var candidate = step.Unit switch
        {
            Unit.Hour => new DateTime(from.Year, from.Month, from.Day, from.Hour / step.Count * step.Count, 0, 0, DateTimeKind.Utc),
            Unit.Day => from.Date,
            Unit.Week => from.Date.AddDays(-(((int)from.DayOfWeek + 6) % 7)),
            Unit.Month => new DateTime(from.Year, (from.Month - 1) / step.Count * step.Count + 1, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => new DateTime(Math.Max(1, from.Year / step.Count * step.Count), 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        while (candidate < from)
            candidate = Next(candidate, step);
        return candidate;
    }

    private static DateTime Next(DateTime tick, Step step) => step.Unit switch
    {
        Unit.Hour => tick.AddHours(step.Count),
        Unit.Day => tick.AddDays(step.Count),
        Unit.Week => tick.AddDays(7 * step.Count),
        Unit.Month => tick.AddMonths(step.Count),
        _ => tick.AddYears(step.Count),
    };

    private static string Label(DateTime tick, Unit unit) => tick.ToString(unit switch
    {
        Unit.Hour => "MM'-'dd' 'HH':'mm",
        Unit.Day or Unit.Week => "yyyy'-'MM'-'dd",
        // The invariant culture's month names are English: "Jan 2026" everywhere.
        Unit.Month => "MMM yyyy",
        _ => "yyyy",
    }, CultureInfo.InvariantCulture);
}

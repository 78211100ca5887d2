using System.Globalization;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData.Calendar;

namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// Sessions of <see cref="UsEquityCalendar"/> without an accepted bar, between the first and the last accepted bar.
/// Bars are placed in slots of one period counted from New York midnight (a daily bar's slot is its date). Daily
/// bars: one entry per trading day with no bar. Intraday bars (a period under a day): the slots that overlap the
/// regular session 09:30-16:00, each run of missing slots one entry, a whole session missing being one entry too.
/// Bars outside the session (extended hours) are kept but never expected. Longer periods are not checked. A quarantined
/// bar does not fill its slot; the entry names it. Early closes are not modelled, so the afternoon of a half day is
/// reported missing for intraday bars. Days before <see cref="UsEquityCalendar.FirstSupportedDate"/> are not checked.
/// </summary>
internal static class MissingSessions
{
    private static readonly TimeSpan s_day = TimeSpan.FromDays(1);

    public static List<MissingSession> Find(Symbol symbol, TimeSpan period, List<SourceBar> accepted, List<QuarantinedBar> quarantined)
    {
        var missing = new List<MissingSession>();
        if (accepted.Count == 0 || period > s_day)
            return missing;
        var first = Max(NewYorkTime.DateOf(accepted[0].Time), UsEquityCalendar.FirstSupportedDate);
        var last = NewYorkTime.DateOf(accepted[^1].Time);
        if (last < first)
            return missing;
        var present = accepted.Select(b => SlotOf(b.Time, period)).ToHashSet();
        var quarantinedBySlot = quarantined.ToLookup(q => SlotOf(q.Bar.Time, period), q => q.Bar);
        var daily = period == s_day;
        foreach (var day in UsEquityCalendar.TradingDays(first, last))
        {
            if (daily)
            {
                var slot = UsEquityCalendar.DailyBarTime(day);
                if (!present.Contains(slot))
                    missing.Add(new(slot, $"{symbol}: no bar for trading day {day:yyyy-MM-dd}{Quarantined(quarantinedBySlot[slot])}"));
                continue;
            }
            FindInSession(symbol, period, day, present, quarantinedBySlot, SlotOf(accepted[0].Time, period), SlotOf(accepted[^1].Time, period), missing);
        }
        return missing;
    }

    /// <summary>Runs of missing slots in the session of <paramref name="day"/>, within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    private static void FindInSession(
        Symbol symbol, TimeSpan period, DateOnly day, HashSet<DateTimeOffset> present, ILookup<DateTimeOffset, SourceBar> quarantinedBySlot,
        DateTimeOffset from, DateTimeOffset to, List<MissingSession> missing)
    {
        var sessionSlots = SessionSlots(period, day);
        var slots = sessionSlots.Where(s => s >= from && s <= to).ToList();
        var runStart = -1;
        for (var i = 0; i <= slots.Count; i++)
        {
            var gap = i < slots.Count && !present.Contains(slots[i]);
            if (gap && runStart < 0)
                runStart = i;
            if (gap || runStart < 0)
                continue;
            var run = slots.GetRange(runStart, i - runStart);
            var why = Quarantined(run.SelectMany(s => quarantinedBySlot[s]));
            var reason = run.Count == sessionSlots.Count
                ? $"{symbol}: no bar in the regular session of {day:yyyy-MM-dd} (09:30-16:00 New York){why}"
                : run.Count == 1
                    ? $"{symbol}: 1 bar of {Minutes(period)} missing on {day:yyyy-MM-dd} at {Local(run[0])} New York{why}"
                    : $"{symbol}: {run.Count} bars of {Minutes(period)} missing on {day:yyyy-MM-dd} from {Local(run[0])} to {Local(run[^1])} New York{why}";
            missing.Add(new(run[0], reason));
            runStart = -1;
        }
    }

    /// <summary>The opens of the slots that overlap the regular session of <paramref name="day"/>, in order.</summary>
    private static List<DateTimeOffset> SessionSlots(TimeSpan period, DateOnly day)
    {
        var midnight = UsEquityCalendar.DailyBarTime(day);
        var open = UsEquityCalendar.SessionOpen(day) - midnight;
        var close = UsEquityCalendar.SessionClose(day) - midnight;
        var firstSlot = open.Ticks / period.Ticks;
        var endSlot = (close.Ticks + period.Ticks - 1) / period.Ticks;
        var slots = new List<DateTimeOffset>((int)(endSlot - firstSlot));
        for (var k = firstSlot; k < endSlot; k++)
            slots.Add(midnight + TimeSpan.FromTicks(k * period.Ticks));
        return slots;
    }

    /// <summary>The open of the slot <paramref name="time"/> falls in: whole periods from New York midnight of its date.</summary>
    private static DateTimeOffset SlotOf(DateTimeOffset time, TimeSpan period)
    {
        var midnight = UsEquityCalendar.DailyBarTime(NewYorkTime.DateOf(time));
        return midnight + TimeSpan.FromTicks((time - midnight).Ticks / period.Ticks * period.Ticks);
    }

    private static string Quarantined(IEnumerable<SourceBar> bars)
    {
        var where = bars.Select(BarVerdicts.Where).ToList();
        return where.Count == 0 ? "" : $" (quarantined there: {string.Join(", ", where)})";
    }

    private static string Local(DateTimeOffset time) => NewYorkTime.ToLocal(time).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan period) =>
        period.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{period.Ticks / TimeSpan.TicksPerMinute} min" : $"{period}";

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

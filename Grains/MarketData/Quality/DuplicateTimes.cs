using static Meridian.Grains.MarketData.Quality.BarVerdicts;

namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// Bars sharing a time. Only bars that passed the per-bar rules are judged: a bar already known to be wrong does not
/// make a good bar at its time doubtful (its own reason still mentions the shared time). Among the rest, identical
/// copies (same open, high, low, close, volume and adjusted close) keep the first in file order and quarantine the
/// others; copies that differ are all quarantined, because nothing in the file says which one is right.
/// </summary>
internal static class DuplicateTimes
{
    public static void Check(BarVerdicts verdicts)
    {
        // Most times are unique: remember the first bar of each, and make a group only when a time comes again.
        var first = new Dictionary<DateTimeOffset, int>(verdicts.Count);
        var shared = new Dictionary<DateTimeOffset, List<int>>();
        for (var i = 0; i < verdicts.Count; i++)
        {
            var time = verdicts.Bars[i].Time;
            if (first.TryAdd(time, i))
                continue;
            if (!shared.TryGetValue(time, out var indices))
                shared[time] = indices = [first[time]];
            indices.Add(i);
        }
        foreach (var (time, indices) in shared)
            Judge(verdicts, time, indices);
    }

    private static void Judge(BarVerdicts verdicts, DateTimeOffset time, List<int> indices)
    {
        var bars = verdicts.Bars;
        var clean = indices.Where(verdicts.IsClean).ToList();
        foreach (var index in indices.Except(clean))
        {
            var others = indices.Where(i => i != index).Select(i => bars[i].Line);
            verdicts.Add(index, QualityRule.DuplicateTime, $"time {Stamp(time)} is also on {Lines(others)}");
        }
        if (clean.Count < 2)
            return;
        var first = bars[clean[0]];
        if (clean.All(i => SameValues(bars[i], first)))
        {
            foreach (var index in clean.Skip(1))
                verdicts.Add(index, QualityRule.DuplicateTime, $"time {Stamp(time)} repeats line {first.Line} with identical values; only the first copy is considered");
            return;
        }
        foreach (var index in clean)
        {
            var bar = bars[index];
            var others = clean.Where(i => i != index).Select(i => bars[i]).ToList();
            var differing = others.FirstOrDefault(o => !SameValues(o, bar)) ?? others[0];
            verdicts.Add(index, QualityRule.DuplicateTime,
                $"time {Stamp(time)} is also on {Lines(others.Select(o => o.Line))} with different values ({Difference(bar, differing)}); " +
                "none is kept because nothing says which is right");
        }
    }

    private static bool SameValues(SourceBar a, SourceBar b) =>
        a.Open == b.Open && a.High == b.High && a.Low == b.Low && a.Close == b.Close && a.Volume == b.Volume && a.AdjustedClose == b.AdjustedClose;

    /// <summary>"close 12.30 here, 12.35 on line 18": the first field in which two bars differ.</summary>
    private static string Difference(SourceBar bar, SourceBar other)
    {
        var fields = new (string Name, decimal? Here, decimal? There)[]
        {
            ("open", bar.Open, other.Open), ("high", bar.High, other.High), ("low", bar.Low, other.Low),
            ("close", bar.Close, other.Close), ("volume", bar.Volume, other.Volume), ("adjusted close", bar.AdjustedClose, other.AdjustedClose),
        };
        var (name, here, there) = fields.FirstOrDefault(f => f.Here != f.There);
        return name is null ? $"identical to line {other.Line}" : $"{name} {Show(here)} here, {Show(there)} on line {other.Line}";
    }

    private static string Show(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    private static string Lines(IEnumerable<int> lines)
    {
        var list = lines.ToList();
        return (list.Count == 1 ? "line " : "lines ") + string.Join(", ", list);
    }
}

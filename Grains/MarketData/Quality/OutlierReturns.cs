using System.Globalization;

namespace Meridian.Grains.MarketData.Quality;

/// <summary>
/// Close-to-close returns beyond the limit. Each bar that passed every other rule is compared with the last ACCEPTED
/// bar, split-adjusted, so after a bad print the next bar is compared with the bar before the print, not with the print.
/// <para>A bar beyond the limit is judged by the bar after it. If that bar's close is nearer, in log terms, to the
/// level before the jump than to the jump (the price went back), the bar is a spike and is quarantined. If it is nearer
/// to the jump (the level moved: a merger, a crash, a missed split), the bar is accepted and reported as a
/// <see cref="LevelShift"/>. A tie counts as going back. A jump in the last bar has nothing to confirm it and is
/// quarantined. "Nearer in log terms" compares |ln(n/a)| with |ln(n/b)| for level before a, jump b and next close n,
/// that is, which side of the geometric mean sqrt(a·b) n is on; it is computed exactly as n² against a·b.
/// Asking only whether the next bar is far from the jump would miss moderate spikes up: 100, 150.01, 100 has a
/// second return of -33%, inside a 50% limit.</para>
/// The first bar is the starting point and is not checked.
/// </summary>
internal static class OutlierReturns
{
    public static List<LevelShift> Check(BarVerdicts verdicts, SplitAdjustment splits, decimal limit)
    {
        var bars = verdicts.Bars;
        var candidates = Enumerable.Range(0, verdicts.Count).Where(verdicts.IsClean).ToList();
        var shifts = new List<LevelShift>();
        if (candidates.Count == 0)
            return shifts;
        var anchor = bars[candidates[0]];
        for (var k = 1; k < candidates.Count; k++)
        {
            var bar = bars[candidates[k]];
            var (jump, adjusted) = splits.Return(anchor, bar);
            if (Math.Abs(jump) <= limit)
            {
                anchor = bar;
                continue;
            }
            var beyond = $"close {bar.Close} is a {(adjusted ? "split-adjusted " : "")}return of {Percent(jump)} from line {anchor.Line}'s close {anchor.Close}, beyond the limit of ±{Percent(limit, signed: false)}";
            if (k + 1 == candidates.Count)
            {
                verdicts.Add(candidates[k], QualityRule.OutlierReturn, $"{beyond}, and no later bar confirms the new level");
                continue;
            }
            var next = bars[candidates[k + 1]];
            var before = splits.CloseInSharesOf(anchor, next);
            var jumped = splits.CloseInSharesOf(bar, next);
            var squared = next.Close * next.Close;
            var nearerToJump = jumped > before ? squared > before * jumped : squared < before * jumped;
            if (!nearerToJump)
            {
                verdicts.Add(candidates[k], QualityRule.OutlierReturn,
                    $"{beyond}, and line {next.Line}'s close {next.Close} is back nearer to the level before ({Show(before)}) than to it");
                continue;
            }
            shifts.Add(new LevelShift(bar, jump,
                $"{BarVerdicts.Where(bar)}: {beyond}, but line {next.Line}'s close {next.Close} is nearer to it ({Show(jumped)}) than to the level before ({Show(before)}), so the new level is accepted"));
            anchor = bar;
        }
        return shifts;
    }

    /// <summary>"+50.01%", "-33.3333%": a fraction as a percentage to four decimals, trailing zeros dropped.</summary>
    private static string Percent(decimal fraction, bool signed = true) =>
        (fraction * 100m).ToString(signed ? "+0.####;-0.####;0" : "0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>A price, to four decimals at most (split-adjusted prices can have many).</summary>
    private static string Show(decimal price) => decimal.Round(price, 4).ToString("0.####", CultureInfo.InvariantCulture);
}

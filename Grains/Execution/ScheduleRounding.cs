using Meridian.Grains.Domain;

namespace Meridian.Grains.Execution;

/// <summary>
/// Whole-share slices from a continuous schedule, one rule for every kind: with F_k the fraction of the parent done
/// after slice k (F_N = 1), slice k is round(Q·F_k) − round(Q·F_(k−1)), rounding half away from zero. The slices add up
/// to Q exactly (the sum telescopes), each is within one share of its continuous size, and what is done after each
/// slice is the continuous trajectory rounded to the nearest share. Slice k (from 1) goes out at (k − 1) × horizon / N.
/// </summary>
internal static class ScheduleRounding
{
    public static ExecutionSchedule Slices(Quantity total, TimeSpan horizon, IReadOnlyList<decimal> done)
    {
        var interval = horizon / done.Count;
        var slices = new List<ExecutionSlice>(done.Count);
        var before = 0m;
        for (var k = 0; k < done.Count; k++)
        {
            var after = k == done.Count - 1 ? total.Value : Math.Round(total.Value * done[k], MidpointRounding.AwayFromZero);
            slices.Add(new ExecutionSlice(interval * k, Quantity.Of(after - before)));
            before = after;
        }
        return new ExecutionSchedule(slices);
    }
}

using Meridian.Grains.Domain;

namespace Meridian.Grains.Execution;

/// <summary>
/// The <see cref="AlmgrenChriss"/> trajectory as whole-share slices: the fraction done after slice k is 1 − x_k / X,
/// rounded by <see cref="ScheduleRounding"/> like every schedule. The horizon is read in days, the parameters' unit.
/// </summary>
public static class AlmgrenChrissSchedule
{
    /// <summary>The schedule of <paramref name="total"/> whole shares in <paramref name="slices"/> slices over <paramref name="horizon"/>.</summary>
    public static ExecutionSchedule Create(Quantity total, TimeSpan horizon, int slices, AlmgrenChrissParameters parameters)
    {
        var trajectory = AlmgrenChriss.Solve(1, horizon.TotalDays, slices, parameters);
        return ScheduleRounding.Slices(total, horizon, [.. trajectory.Holdings.Skip(1).Select(left => (decimal)(1 - left))]);
    }
}

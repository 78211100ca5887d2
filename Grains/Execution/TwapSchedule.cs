using Meridian.Grains.Domain;

namespace Meridian.Grains.Execution;

/// <summary>
/// Time-weighted: <c>slices</c> equal slices over the horizon. A quantity that does not divide evenly is spread by
/// <see cref="ScheduleRounding"/>: 1,003 in 5 is 201, 200, 201, 200, 201.
/// </summary>
public static class TwapSchedule
{
    /// <summary>The schedule of <paramref name="total"/> whole shares in <paramref name="slices"/> equal slices over <paramref name="horizon"/>.</summary>
    public static ExecutionSchedule Create(Quantity total, TimeSpan horizon, int slices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);
        return ScheduleRounding.Slices(total, horizon, [.. Enumerable.Range(1, slices).Select(k => (decimal)k / slices)]);
    }
}

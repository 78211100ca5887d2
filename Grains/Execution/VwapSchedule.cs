using Meridian.Grains.Domain;

namespace Meridian.Grains.Execution;

/// <summary>
/// Volume-weighted: one slice per bucket of an intraday volume profile (equal intervals over the horizon), each in
/// proportion to its bucket's volume, rounded by <see cref="ScheduleRounding"/>. A bucket with no volume gets no shares.
/// </summary>
public static class VwapSchedule
{
    /// <summary>The schedule of <paramref name="total"/> whole shares over <paramref name="horizon"/>, one slice per volume in <paramref name="volumeProfile"/>.</summary>
    public static ExecutionSchedule Create(Quantity total, TimeSpan horizon, IReadOnlyList<decimal> volumeProfile)
    {
        ArgumentNullException.ThrowIfNull(volumeProfile);
        var volume = volumeProfile.Sum();
        if (volumeProfile.Count == 0 || volumeProfile.Any(v => v < 0m) || volume <= 0m)
            throw new ArgumentException("a volume profile needs one or more volumes, 0 or more and not all 0", nameof(volumeProfile));
        var done = new List<decimal>(volumeProfile.Count);
        var traded = 0m;
        foreach (var bucket in volumeProfile)
        {
            traded += bucket;
            done.Add(traded / volume);
        }
        return ScheduleRounding.Slices(total, horizon, done);
    }
}

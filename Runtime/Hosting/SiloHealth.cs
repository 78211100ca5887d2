namespace Meridian.Runtime.Hosting;

/// <summary>One dependency's state in a health report.</summary>
/// <param name="Name">The dependency (a database, without secrets).</param>
/// <param name="Healthy">Whether it works now.</param>
/// <param name="Description">What was found.</param>
public sealed record HealthEntry(string Name, bool Healthy, string Description);

/// <summary>The silo's readiness: ready when every dependency is healthy.</summary>
public sealed record HealthReport(bool Ready, IReadOnlyList<HealthEntry> Entries);

/// <summary>A dependency the silo cannot serve without (its databases), checked when health is asked for.</summary>
public interface IHealthProbe
{
    /// <summary>Checks now.</summary>
    Task<IReadOnlyList<HealthEntry>> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>Asks every probe; what a readiness endpoint serves.</summary>
public sealed class SiloHealth(IEnumerable<IHealthProbe> probes)
{
    /// <summary>Checks every dependency now.</summary>
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<HealthEntry>();
        foreach (var probe in probes)
            entries.AddRange(await probe.CheckAsync(cancellationToken).ConfigureAwait(false));
        return new HealthReport(entries.TrueForAll(e => e.Healthy), entries);
    }
}

using Meridian.Runtime.Core;
using Microsoft.Extensions.Hosting;

namespace Meridian.Runtime.Hosting;

/// <summary>
/// The silo as a hosted service: runs the startup tasks (migrations), loads grain types and validates the
/// configuration on start; deactivates every grain on stop.
/// </summary>
public sealed class Silo : IHostedService
{
    private readonly GrainRuntime _runtime;
    private readonly IEnumerable<ISiloStartupTask> _startupTasks;

    internal Silo(GrainRuntime runtime, IEnumerable<ISiloStartupTask> startupTasks)
    {
        _runtime = runtime;
        _startupTasks = startupTasks;
    }

    /// <summary>Makes grain references.</summary>
    public IClusterClient Client => _runtime;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var task in _startupTasks)
            await task.RunAsync(cancellationToken).ConfigureAwait(false);
        _runtime.Start();
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => _runtime.StopAsync(cancellationToken);
}

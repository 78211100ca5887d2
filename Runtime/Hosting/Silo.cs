using Meridian.Runtime.Core;
using Microsoft.Extensions.Hosting;

namespace Meridian.Runtime.Hosting;

/// <summary>The silo as a hosted service: loads grain types and validates the configuration on start, deactivates every grain on stop.</summary>
public sealed class Silo : IHostedService
{
    private readonly GrainRuntime _runtime;

    internal Silo(GrainRuntime runtime) => _runtime = runtime;

    /// <summary>Makes grain references.</summary>
    public IClusterClient Client => _runtime;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _runtime.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => _runtime.StopAsync(cancellationToken);
}

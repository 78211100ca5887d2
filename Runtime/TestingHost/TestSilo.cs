using Meridian.Runtime.Hosting;
using Meridian.Runtime.Introspection;
using Meridian.Runtime.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Runtime.TestingHost;

/// <summary>
/// An in-process silo for tests (what Orleans.TestingHost gives Orleans users): memory storage ("Default" and
/// "PubSubStore"), memory streams ("Default"), a simulated clock. Each instance is independent, so test classes
/// may run in parallel.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Silo _silo;
    private bool _gone;

    private TestSilo(ServiceProvider services, SimulatedClock clock)
    {
        _services = services;
        Clock = clock;
        _silo = services.GetRequiredService<Silo>();
    }

    /// <summary>Makes grain references and reaches stream providers.</summary>
    public IClusterClient Client => _silo.Client;

    /// <summary>Makes grain references.</summary>
    public IGrainFactory GrainFactory => _silo.Client;

    /// <summary>The silo's simulated clock.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The dashboard's view of the silo.</summary>
    public ISiloIntrospection Introspection => _services.GetRequiredService<ISiloIntrospection>();

    /// <summary>Starts a silo; <paramref name="configure"/> adds to or overrides the defaults.</summary>
    public static async Task<TestSilo> StartAsync(Action<SiloBuilder>? configure = null, SimulatedClock? clock = null)
    {
        clock ??= new SimulatedClock();
        var services = new ServiceCollection();
        services.AddSilo(silo =>
        {
            silo.UseClock(clock).AddMemoryGrainStorage().AddMemoryGrainStorage("PubSubStore").AddMemoryStreams();
            configure?.Invoke(silo);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var host = new TestSilo(provider, clock);
        try
        {
            await host._silo.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>Waits until everything caused so far is done and no timer is due now.</summary>
    public Task RunUntilIdleAsync() => Clock.RunUntilIdleAsync();

    /// <summary>
    /// Abandons the silo the way a process kill would: nothing is stopped gracefully (no deactivation, no final
    /// checkpoint save); background work is cancelled and the services are disposed. What was committed to a
    /// database stays; what was only in memory is gone.
    /// </summary>
    public async ValueTask KillAsync()
    {
        if (_gone)
            return;
        _gone = true;
        await _services.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the silo (every grain deactivates) and disposes its services.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_gone)
            return;
        _gone = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _silo.StopAsync(timeout.Token).ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}

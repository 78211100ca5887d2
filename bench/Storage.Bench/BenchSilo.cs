using Meridian.Runtime;
using Meridian.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Bench;

/// <summary>A silo with this assembly's grains under one service id; disposing it stops the silo and its providers.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Silo _silo;

    private BenchSilo(ServiceProvider services)
    {
        _services = services;
        _silo = services.GetRequiredService<Silo>();
    }

    public IClusterClient Client => _silo.Client;

    public static async Task<BenchSilo> StartAsync(string serviceId, Action<SiloBuilder> configure)
    {
        var services = new ServiceCollection()
            .AddSilo(silo =>
            {
                silo.AddGrainAssembly(typeof(BenchSilo).Assembly).Configure<SiloOptions>(o => o.ServiceId = serviceId);
                configure(silo);
            })
            .BuildServiceProvider();
        var host = new BenchSilo(services);
        try
        {
            await host._silo.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}

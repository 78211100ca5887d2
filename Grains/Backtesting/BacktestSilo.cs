using Meridian.Grains.Portfolios;
using Meridian.Runtime;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Storage;
using Meridian.Runtime.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Grains.Backtesting;

/// <summary>
/// The in-process silo a backtest runs in: the trading grains, a simulated clock, <see cref="BacktestGrainStorage"/> (a
/// backtest keeps nothing after it ends), and no idle collection, since every grain is needed to the end.
/// </summary>
internal sealed class BacktestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Silo _silo;

    private BacktestSilo(ServiceProvider services, SimulatedClock clock)
    {
        _services = services;
        _silo = services.GetRequiredService<Silo>();
        Clock = clock;
    }

    public SimulatedClock Clock { get; }

    public IClusterClient Client => _silo.Client;

    public static async Task<BacktestSilo> StartAsync(BacktestSettings settings, ITradingActivitySink sink, DateTimeOffset start)
    {
        var clock = new SimulatedClock(start);
        var services = new ServiceCollection();
        services.AddSingleton(sink);
        services.AddSilo(silo =>
        {
            silo.UseClock(clock)
                .Configure<GrainCollectionOptions>(o =>
                {
                    o.CollectionAge = TimeSpan.FromDays(365 * 1000);
                    o.CollectionQuantum = TimeSpan.FromDays(365);
                });
            foreach (var storage in new[] { TradingStorage.Name, "PubSubStore" })
                silo.Services.AddKeyedSingleton<IGrainStorage>(storage, (_, _) => new BacktestGrainStorage());
            silo.AddTrading(settings.Rules);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var host = new BacktestSilo(provider, clock);
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

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _silo.StopAsync(timeout.Token).ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}

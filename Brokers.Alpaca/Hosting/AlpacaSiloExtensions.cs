using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.Orders;
using Meridian.Brokers.Alpaca.Reconciliation;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Brokers.Alpaca.Streaming;
using Meridian.Grains.Brokers;
using Meridian.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.Hosting;

/// <summary>Composes the Alpaca broker into a silo.</summary>
public static class AlpacaSiloExtensions
{
    /// <summary>
    /// Routes orders to Alpaca instead of the simulated exchange, and adds the account check at startup, the trade-updates
    /// stream and reconciliation as hosted services (in that order, after the silo). Network waits (timeouts, the throttle,
    /// backoff) run on <see cref="AlpacaOptions.NetworkTime"/>, whatever the silo's clock.
    /// </summary>
    public static SiloBuilder AddAlpacaBroker(this SiloBuilder silo, AlpacaOptions options, AlpacaCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        silo.AddGrainAssembly(typeof(AlpacaBroker).Assembly);
        var services = silo.Services;
        services.AddSingleton(options);
        services.AddSingleton(credentials);
        services.Replace(ServiceDescriptor.Singleton<IBroker, AlpacaBroker>());
        services.AddSingleton(sp => new AlpacaTradingClient(
            new AlpacaHttp(
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
                options.TradingUrl, credentials,
                new RequestThrottle(options.RequestsPerMinute, TimeSpan.FromMinutes(1), options.NetworkTime),
                options.NetworkTime, sp.GetRequiredService<ILogger<AlpacaHttp>>())
            { Timeout = options.RequestTimeout },
            options.DryRun, sp.GetRequiredService<ILogger<AlpacaTradingClient>>()));
        services.AddSingleton<IBrokerHealth, AlpacaHealth>();
        services.AddSingleton<AlpacaStartup>();
        services.AddSingleton<AlpacaReconciler>();
        services.AddSingleton<TradeUpdatesStream>();
        services.AddHostedService(sp => sp.GetRequiredService<AlpacaStartup>());
        services.AddHostedService(sp => sp.GetRequiredService<TradeUpdatesStream>());
        services.AddHostedService(sp => sp.GetRequiredService<AlpacaReconciler>());
        return silo;
    }
}

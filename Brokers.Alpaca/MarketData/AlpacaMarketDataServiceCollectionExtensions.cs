using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>Registers <see cref="AlpacaMarketDataStream"/> with a silo's services.</summary>
public static class AlpacaMarketDataServiceCollectionExtensions
{
    /// <summary>
    /// Runs <see cref="AlpacaMarketDataStream"/> as a hosted service beside the silo (it needs the silo's
    /// <see cref="IClusterClient"/> and the <c>MarketData</c> stream provider that <c>AddTrading</c> registers), streaming
    /// <see cref="AlpacaOptions.StreamSymbols"/> from <see cref="AlpacaOptions.DataStreamUrl"/> with
    /// <paramref name="credentials"/>. The service is also registered as itself, for health checks and tests.
    /// </summary>
    public static IServiceCollection AddAlpacaMarketDataStream(
        this IServiceCollection services, AlpacaOptions options, AlpacaCredentials credentials, AlpacaStreamSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        services.AddSingleton(sp => new AlpacaMarketDataStream(
            options, credentials, sp.GetRequiredService<IClusterClient>(), sp.GetRequiredService<ILogger<AlpacaMarketDataStream>>(), settings));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<AlpacaMarketDataStream>());
        return services;
    }
}

using Meridian.Grains.Brokers;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData;
using Meridian.Grains.Portfolios;
using Meridian.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meridian.Grains;

/// <summary>Composes the trading grains into a silo.</summary>
public static class TradingSiloExtensions
{
    /// <summary>
    /// Adds the trading grains with the simulated exchange as the broker (rules: <paramref name="rules"/>, default no
    /// commission and no slippage) and in-memory market-data streams (<see cref="MarketDataStreams.Provider"/>).
    /// Grain state goes to the silo's default storage, which the host configures.
    /// </summary>
    public static SiloBuilder AddTrading(this SiloBuilder silo, ExchangeRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddGrainAssembly(typeof(IPortfolioGrain).Assembly);
        silo.AddGrainAssembly(typeof(TradingSiloExtensions).Assembly);
        silo.AddMemoryStreams(MarketDataStreams.Provider);
        silo.Services.TryAddSingleton(rules ?? ExchangeRules.Default);
        silo.Services.TryAddSingleton<IBroker, SimulatedBroker>();
        silo.Services.TryAddSingleton<ITradingActivitySink, NoTradingActivitySink>();
        return silo;
    }
}

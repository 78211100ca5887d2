using Meridian.Runtime;
using Meridian.Runtime.Concurrency;

namespace Meridian.Grains.MarketData;

/// <summary>
/// The last-price view of one symbol (keyed by symbol), fed by the market-data streams. Portfolios watch the symbols
/// they hold or trade and get each new price pushed, so marks and risk checks need no extra call.
/// </summary>
public interface ILastPriceGrain : IGrainWithStringKey
{
    /// <summary>The latest price, or null when none has been seen.</summary>
    [ReadOnly]
    Task<LastPrice?> GetAsync();

    /// <summary>Pushes every later price to the portfolio (remembered durably); returns the latest price now.</summary>
    Task<LastPrice?> WatchAsync(string portfolioId);

    /// <summary>Stops pushing prices to the portfolio.</summary>
    Task UnwatchAsync(string portfolioId);

    /// <summary>Takes a price directly (feeds without streams, tests); the same path the streams use.</summary>
    Task UpdateAsync(LastPrice price);
}

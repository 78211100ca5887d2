using Meridian.Grains.Portfolios;
using Meridian.Runtime;
using Meridian.Runtime.Streams;

namespace Meridian.Grains.MarketData;

/// <summary>The state of a <see cref="LastPriceGrain"/>: the portfolios to push prices to, and the latest price.</summary>
public sealed class LastPriceState
{
    /// <summary>Portfolio ids, in the order they started watching.</summary>
    public List<string> Watchers { get; set; } = [];

    /// <summary>The latest price: written with the watchers and when the grain deactivates (not on every tick).</summary>
    public LastPrice? Last { get; set; }
}

/// <summary>
/// The last-price view of one symbol, fed by the market-data streams (a bar's close, a trade's price, a quote's mid).
/// A price older than the one held is ignored, so late or replayed data never moves the mark backwards. Prices are
/// too frequent to write each one: the latest is written when the grain deactivates, so only a crash loses it, until
/// the next tick.
/// </summary>
[ImplicitStreamSubscription(MarketDataStreams.Bars, StreamProvider = MarketDataStreams.Provider)]
[ImplicitStreamSubscription(MarketDataStreams.Trades, StreamProvider = MarketDataStreams.Provider)]
[ImplicitStreamSubscription(MarketDataStreams.Quotes, StreamProvider = MarketDataStreams.Provider)]
public sealed class LastPriceGrain(
    [PersistentState("last-price", TradingStorage.Name)] IPersistentState<LastPriceState> state)
    : Grain, ILastPriceGrain, IAsyncObserver<Bar>, IAsyncObserver<Trade>, IAsyncObserver<Quote>
{
    private bool _unwrittenPrice;

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _unwrittenPrice ? state.WriteStateAsync() : Task.CompletedTask;

    /// <inheritdoc />
    public Task<LastPrice?> GetAsync() => Task.FromResult(state.State.Last);

    /// <inheritdoc />
    public async Task<LastPrice?> WatchAsync(string portfolioId)
    {
        if (!state.State.Watchers.Contains(portfolioId))
        {
            state.State.Watchers.Add(portfolioId);
            await state.WriteStateAsync();
            _unwrittenPrice = false;
        }
        return state.State.Last;
    }

    /// <inheritdoc />
    public async Task UnwatchAsync(string portfolioId)
    {
        if (state.State.Watchers.Remove(portfolioId))
            await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task UpdateAsync(LastPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        if (state.State.Last is { } last && price.Time < last.Time)
            return Task.CompletedTask;
        state.State.Last = price;
        _unwrittenPrice = true;
        foreach (var portfolioId in state.State.Watchers)
            _ = GrainFactory.GetGrain<IPortfolioGrain>(portfolioId).OnPriceAsync(price);
        return Task.CompletedTask;
    }

    /// <summary>A bar marks at its close, as of its end.</summary>
    public Task OnNextAsync(Bar item, StreamSequenceToken? token = null) => UpdateAsync(new LastPrice(item.Symbol, item.Close, item.End));

    /// <summary>A trade marks at its price.</summary>
    public Task OnNextAsync(Trade item, StreamSequenceToken? token = null) => UpdateAsync(new LastPrice(item.Symbol, item.Price, item.Time));

    /// <summary>A quote marks at its mid.</summary>
    public Task OnNextAsync(Quote item, StreamSequenceToken? token = null) => UpdateAsync(new LastPrice(item.Symbol, item.Mid, item.Time));
}

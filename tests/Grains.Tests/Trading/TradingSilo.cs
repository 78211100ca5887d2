using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Positions;
using Meridian.Grains.Risk;
using Meridian.Runtime;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Streams;
using Meridian.Runtime.TestingHost;

namespace Meridian.Grains.Tests.Trading;

/// <summary>A test silo with the trading grains and the simulated exchange, on a simulated clock starting 2024-01-02 14:30 UTC.</summary>
internal sealed class TradingSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);

    private TradingSilo(TestSilo silo) => Silo = silo;

    public TestSilo Silo { get; }

    public IGrainFactory Grains => Silo.GrainFactory;

    public DateTimeOffset Now => Silo.Clock.GetUtcNow();

    /// <summary>A silo at <paramref name="start"/> (default <see cref="Start"/>); <paramref name="configure"/> adds to or overrides the trading setup.</summary>
    public static async Task<TradingSilo> StartAsync(ExchangeRules? rules = null, Action<SiloBuilder>? configure = null, DateTimeOffset? start = null) =>
        new(await TestSilo.StartAsync(
            silo =>
            {
                silo.AddTrading(rules);
                configure?.Invoke(silo);
            },
            new Runtime.Time.SimulatedClock(start ?? Start)));

    public async Task<IPortfolioGrain> OpenAsync(string id, decimal cash = 100_000m, RiskLimits? limits = null)
    {
        var portfolio = Portfolio(id);
        await portfolio.OpenAsync(new PortfolioSettings(Money.Of(cash), limits ?? RiskLimits.None));
        return portfolio;
    }

    public IPortfolioGrain Portfolio(string id) => Grains.GetGrain<IPortfolioGrain>(id);

    public IOrderGrain Order(string clientOrderId) => Grains.GetGrain<IOrderGrain>(clientOrderId);

    public IPositionGrain Position(string portfolioId, string symbol) => Grains.GetGrain<IPositionGrain>(PositionKey.Of(portfolioId, Symbol.Parse(symbol)));

    public async Task<OrderSnapshot> OrderNowAsync(string clientOrderId) =>
        await Order(clientOrderId).GetAsync() ?? throw new InvalidOperationException($"order {clientOrderId} does not exist");

    /// <summary>A trade at <paramref name="price"/> now: the symbol's last price.</summary>
    public async Task PriceAsync(string symbol, decimal price)
    {
        await Grains.GetGrain<ILastPriceGrain>(symbol).UpdateAsync(new LastPrice(Symbol.Parse(symbol), Price.Of(price), Now));
        await Silo.RunUntilIdleAsync();
    }

    /// <summary>
    /// Publishes a daily bar opening now on the market-data stream (the exchange matches it, the last price takes its
    /// close), lets everything it causes finish, then moves the clock to the bar's end.
    /// </summary>
    public async Task BarAsync(string symbol, decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000_000m)
    {
        var bar = new Bar(Symbol.Parse(symbol), Now, TimeSpan.FromDays(1), Price.Of(open), Price.Of(high), Price.Of(low), Price.Of(close), volume);
        var stream = Silo.Client.GetStreamProvider(MarketDataStreams.Provider).GetStream<Bar>(StreamId.Create(MarketDataStreams.Bars, symbol));
        await stream.OnNextAsync(bar);
        await Silo.RunUntilIdleAsync();
        await Silo.Clock.AdvanceAsync(TimeSpan.FromDays(1));
    }

    public static OrderRequest Market(string id, string portfolio, string symbol, Side side, decimal quantity) =>
        new(id, portfolio, Symbol.Parse(symbol), side, Quantity.Of(quantity));

    public static OrderRequest Limit(string id, string portfolio, string symbol, Side side, decimal quantity, decimal limit) =>
        new(id, portfolio, Symbol.Parse(symbol), side, Quantity.Of(quantity), OrderType.Limit, TimeInForce.Gtc, LimitPrice: Price.Of(limit));

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}

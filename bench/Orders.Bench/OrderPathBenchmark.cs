using Meridian.Grains;
using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;
using Meridian.Runtime.Hosting;
using Meridian.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Bench;

/// <summary>
/// The in-process round trip of one order: submit to the Portfolio grain (risk gate) -> Order grain (recorded,
/// sent) -> simulated exchange grain (working) -> a bar for the symbol -> fill report -> Order grain -> Portfolio
/// grain -> Position grain -> portfolio updated. Each portfolio trades its own symbol, holding 1,000 shares from the
/// start; one-share buys and sells alternate around that holding, as a strategy trading in and out of a position does.
/// </summary>
internal sealed class OrderPathBenchmark : IAsyncDisposable
{
    private static readonly Price BarPrice = Price.Of(100m);
    private readonly ServiceProvider _services;
    private readonly Silo _silo;
    private readonly FillSignals _fills;
    private readonly TimeProvider _clock;
    private IPortfolioGrain[] _portfolios = [];
    private ISimulatedExchangeGrain[] _exchanges = [];
    private readonly Symbol[] _symbols;
    private long _sequence;

    private OrderPathBenchmark(ServiceProvider services, FillSignals fills, int portfolios)
    {
        _services = services;
        _fills = fills;
        _silo = services.GetRequiredService<Silo>();
        _clock = services.GetRequiredService<TimeProvider>();
        _symbols = [.. Enumerable.Range(0, portfolios).Select(i => Symbol.Parse("SYM" + i))];
    }

    /// <summary>
    /// The silo, with in-memory grain storage (states are serialized on every write, as they are for a database), or
    /// with <paramref name="discardState"/> a storage that keeps nothing, to show what serialization costs.
    /// </summary>
    public static async Task<OrderPathBenchmark> StartAsync(int portfolios, bool discardState)
    {
        var fills = new FillSignals();
        var services = new ServiceCollection();
        services.AddSingleton<ITradingActivitySink>(fills);
        services.AddSilo(silo => silo.AddMemoryGrainStorage().AddTrading());
        if (discardState)
            services.AddKeyedSingleton<IGrainStorage>(TradingStorage.Name, new DiscardingGrainStorage());
        var bench = new OrderPathBenchmark(services.BuildServiceProvider(), fills, portfolios);
        await bench._silo.StartAsync(CancellationToken.None).ConfigureAwait(false);
        bench._portfolios = [.. Enumerable.Range(0, portfolios).Select(i => bench._silo.Client.GetGrain<IPortfolioGrain>("bench-" + i))];
        bench._exchanges = [.. bench._symbols.Select(s => bench._silo.Client.GetGrain<ISimulatedExchangeGrain>(s.Value))];
        foreach (var portfolio in bench._portfolios)
            await portfolio.OpenAsync(new PortfolioSettings(Money.Of(100_000_000m), Limits)).ConfigureAwait(false);
        foreach (var symbol in bench._symbols)
        {
            var lastPrice = new LastPrice(symbol, BarPrice, bench._clock.GetUtcNow());
            await bench._silo.Client.GetGrain<ILastPriceGrain>(symbol.Value).UpdateAsync(lastPrice).ConfigureAwait(false);
        }
        for (var i = 0; i < portfolios; i++)
            await bench.TradeAsync(i, "seed-" + i, Side.Buy, 1_000m).ConfigureAwait(false);
        return bench;
    }

    /// <summary>Every rule on, with room to trade: the gate does its whole work on each order.</summary>
    private static RiskLimits Limits => new()
    {
        MaxOrderQuantity = 1_000m,
        MaxOrderNotional = 1_000_000m,
        MaxPositionNotional = 50_000_000m,
        MaxGrossExposure = 2m,
        MaxNetExposure = 2m,
        MaxConcentration = 1m,
        MaxOpenOrders = 10_000,
        MaxOrdersPerSecond = 1_000_000,
        AllowShortSelling = true,
        PriceCollar = 0.5m,
        DailyLossLimit = 10_000_000m,
        MaxDrawdown = 0.5m,
    };

    /// <summary>One round trip on portfolio <paramref name="index"/>.</summary>
    public async ValueTask<long> RoundTripAsync(int index)
    {
        var n = Interlocked.Increment(ref _sequence);
        await TradeAsync(index, "o" + n, n % 2 == 0 ? Side.Buy : Side.Sell, 1m).ConfigureAwait(false);
        return n;
    }

    private async Task TradeAsync(int index, string id, Side side, decimal quantity)
    {
        var filled = _fills.WhenFilled(id);
        var order = new OrderRequest(id, "bench-" + index, _symbols[index], side, Quantity.Of(quantity));
        var submitted = await _portfolios[index].SubmitOrderAsync(order).ConfigureAwait(false);
        if (submitted.Status == OrderStatus.Denied)
            throw new InvalidOperationException($"order {id} denied: {submitted.StatusReason}");
        var bar = new Bar(_symbols[index], _clock.GetUtcNow(), TimeSpan.FromMinutes(1), BarPrice, BarPrice, BarPrice, BarPrice, 1_000_000m);
        await _exchanges[index].OnBarAsync(bar).ConfigureAwait(false);
        await filled.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}

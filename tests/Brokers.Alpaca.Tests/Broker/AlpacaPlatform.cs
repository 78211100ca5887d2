using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.Hosting;
using Meridian.Brokers.Alpaca.Orders;
using Meridian.Brokers.Alpaca.Reconciliation;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Brokers.Alpaca.Streaming;
using Meridian.Brokers.Alpaca.Tests.Fake;
using Meridian.Grains;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Runtime.TestingHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meridian.Brokers.Alpaca.Tests.Broker;

/// <summary>
/// The trading grains with the Alpaca broker pointed at a <see cref="FakeAlpaca"/> on loopback (real HTTP, real
/// WebSocket): the account check has run, the portfolio <see cref="Portfolio"/> is open and the trade-updates stream listens.
/// Reconciliation runs when a test calls <see cref="ReconcileAsync"/>.
/// </summary>
internal sealed class AlpacaPlatform : IAsyncDisposable
{
    public const string PortfolioId = "alpaca";

    private readonly CancellationTokenSource _stop = new();

    private AlpacaPlatform(FakeAlpaca fake, TestSilo silo, ActivityProbe probe)
    {
        Fake = fake;
        Silo = silo;
        Probe = probe;
    }

    public FakeAlpaca Fake { get; }

    public TestSilo Silo { get; }

    public ActivityProbe Probe { get; }

    public AlpacaReconciler Reconciler => Silo.Services.GetRequiredService<AlpacaReconciler>();

    public TradeUpdatesStream Stream => Silo.Services.GetRequiredService<TradeUpdatesStream>();

    public IPortfolioGrain Portfolio => Silo.GrainFactory.GetGrain<IPortfolioGrain>(PortfolioId);

    public static AlpacaOptions OptionsFor(FakeAlpaca fake, bool dryRun = false) => new()
    {
        TradingUrl = fake.TradingUrl,
        TradingStreamUrl = fake.StreamUrl,
        PortfolioId = PortfolioId,
        DryRun = dryRun,
        RequestsPerMinute = 100_000,
        RequestTimeout = TimeSpan.FromSeconds(1),
        PositionSettleTime = TimeSpan.FromSeconds(10),
        StreamReconnect = new RetryBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200), int.MaxValue),
    };

    public static async Task<AlpacaPlatform> StartAsync(bool dryRun = false, Action<FakeAlpaca>? prepare = null)
    {
        var fake = await FakeAlpaca.StartAsync();
        fake.RateLimitPerMinute = 100_000;
        prepare?.Invoke(fake);
        var probe = new ActivityProbe();
        var silo = await TestSilo.StartAsync(s =>
        {
            s.AddTrading();
            s.AddAlpacaBroker(OptionsFor(fake, dryRun), new AlpacaCredentials(fake.KeyId, fake.SecretKey));
            s.Services.Replace(ServiceDescriptor.Singleton<ITradingActivitySink>(probe));
        });
        var platform = new AlpacaPlatform(fake, silo, probe);
        var ct = TestContext.Current.CancellationToken;
        await silo.Services.GetRequiredService<AlpacaStartup>().StartAsync(ct);
        await platform.Stream.StartAsync(platform._stop.Token);
        await fake.WaitForListeningClientsAsync(1, ct);
        // The risk gate values market orders at the last price: every symbol the tests trade has one.
        foreach (var symbol in (string[])["AAPL", "MSFT", "NVDA", "SPY", "TSLA"])
            await silo.GrainFactory.GetGrain<ILastPriceGrain>(symbol).UpdateAsync(new LastPrice(Symbol.Parse(symbol), Price.Of(100m), silo.Clock.GetUtcNow()));
        return platform;
    }

    public async Task<OrderSnapshot> SubmitAsync(string clientOrderId, string symbol, Side side, decimal quantity)
    {
        var order = await Portfolio.SubmitOrderAsync(new OrderRequest(clientOrderId, PortfolioId, Symbol.Parse(symbol), side, Quantity.Of(quantity)));
        return order;
    }

    public Task<OrderSnapshot?> OrderAsync(string clientOrderId) => Silo.GrainFactory.GetGrain<IOrderGrain>(clientOrderId).GetAsync();

    public Task<AlpacaOrderView?> JournalAsync(string clientOrderId) =>
        Silo.GrainFactory.GetGrain<IAlpacaOrderGrain>(AlpacaClientOrderIds.For(clientOrderId)).GetAsync();

    /// <summary>Waits until the fake has the order (its POST was processed, whatever the client heard back).</summary>
    public Task<RecordedRequest> LandedAsync(string clientOrderId) =>
        Fake.WaitForRequestAsync(_ => Fake.Order(clientOrderId) is not null, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30));

    public Task<ReconciliationReport> ReconcileAsync() => Reconciler.ReconcileAsync(TestContext.Current.CancellationToken);

    public async Task<IReadOnlyDictionary<string, decimal>> LocalPositionsAsync() =>
        (await Portfolio.GetHoldingsAsync()).Positions.Where(p => p.Value != 0m).ToDictionary(p => p.Key.Value, p => p.Value);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Stream.StopAsync(CancellationToken.None);
        await Silo.DisposeAsync();
        await Fake.DisposeAsync();
        _stop.Dispose();
    }
}

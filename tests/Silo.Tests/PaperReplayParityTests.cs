using Meridian.Grains.Backtesting;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData.Synthetic;
using Meridian.Grains.Orders;
using Meridian.Grains.Strategies;
using Meridian.Runtime;
using Meridian.Silo.Replay;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Silo.Tests;

/// <summary>
/// Backtest/live parity: one strategy on one data set, once through <see cref="Backtest"/> (in-memory grains) and
/// once through the embedded run mode's paper replay (the silo host, grain state in SQLite), must place the same
/// orders and get the same fills, to the execution id.
/// </summary>
public sealed class PaperReplayParityTests
{
    private static readonly StrategySpec s_smaCross = new("sma-cross", new Dictionary<string, decimal> { ["fast"] = 5, ["slow"] = 20, ["stake"] = 10 });

    [Fact]
    public async Task Sma_cross_places_the_same_orders_and_gets_the_same_fills_in_a_backtest_and_in_the_paper_replay()
    {
        var data = SyntheticMarket.Generate(new SyntheticMarketSettings { Seed = 7, SymbolCount = 4, Start = new(2023, 1, 1), End = new(2023, 9, 30) });
        var backtest = await Backtest.RunAsync(new BacktestSettings(s_smaCross, 100_000m, ExchangeRules.Default) { PortfolioId = "parity" }, data, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(backtest.Fills.Count >= 10, $"the data gives only {backtest.Fills.Count} fills: too few to compare");

        using var directory = new TemporaryDirectory();
        var replay = new PaperReplay(data, s_smaCross, 100_000m, "parity", double.PositiveInfinity);
        using var host = SiloHost.Create(replay, directory.Path);
        await host.StartAsync(TestContext.Current.CancellationToken);
        await replay.Finished.Task.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        var (orders, fills) = await PaperTradesAsync(host.Services.GetRequiredService<IClusterClient>(), "parity");
        await host.StopAsync(TestContext.Current.CancellationToken);

        AssertSameTrades(backtest, orders, fills);
    }

    /// <summary>The paper replay placed the backtest's orders (ids, sides, quantities, outcomes) and got its fills, to the execution id.</summary>
    internal static void AssertSameTrades(BacktestResult backtest, List<OrderSnapshot> orders, List<BacktestFill> fills)
    {
        Assert.Equal(
            backtest.Orders.Select(o => (o.ClientOrderId, o.Request.Symbol, o.Request.Side, o.Request.Quantity, o.Status, o.FilledQuantity)),
            orders.Select(o => (o.ClientOrderId, o.Request.Symbol, o.Request.Side, o.Request.Quantity, o.Status, o.FilledQuantity)));
        Assert.Equal(
            backtest.Fills.Select(f => (f.Time, f.Symbol, f.Side, f.Quantity, f.Price, f.Commission, f.ExecutionId)),
            fills.Select(f => (f.Time, f.Symbol, f.Side, f.Quantity, f.Price, f.Commission, f.ExecutionId)));
    }

    /// <summary>Every order the paper strategy placed (ids are the portfolio id and a sequence number) and their fills, in the backtest's order.</summary>
    internal static async Task<(List<OrderSnapshot> Orders, List<BacktestFill> Fills)> PaperTradesAsync(IClusterClient client, string portfolioId)
    {
        var status = await client.GetGrain<IStrategyGrain>(portfolioId).GetAsync();
        Assert.NotNull(status);
        var orders = new List<OrderSnapshot>();
        var fills = new List<BacktestFill>();
        for (var sequence = 1; sequence <= status.OrdersPlaced; sequence++)
        {
            var order = client.GetGrain<IOrderGrain>($"{portfolioId}-{sequence:D6}");
            var snapshot = await order.GetAsync();
            Assert.NotNull(snapshot);
            orders.Add(snapshot);
            foreach (var fill in (await order.GetHistoryAsync()).Select(e => e switch { OrderPartiallyFilled p => p.Fill, OrderFilled f => f.Fill, _ => null }).OfType<Fill>())
                fills.Add(new BacktestFill(fill.Time, snapshot.Request.Symbol, snapshot.Request.Side, fill.Quantity, fill.Price, fill.Commission, snapshot.ClientOrderId, fill.ExecutionId));
        }
        orders.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : string.CompareOrdinal(a.ClientOrderId, b.ClientOrderId));
        fills.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Symbol.Value != b.Symbol.Value ? string.CompareOrdinal(a.Symbol.Value, b.Symbol.Value) : string.CompareOrdinal(a.ExecutionId, b.ExecutionId));
        return (orders, fills);
    }
}

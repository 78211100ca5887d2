using System.Diagnostics;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Positions;
using Meridian.Grains.Risk;
using Meridian.Runtime.Introspection;

namespace Meridian.Bench;

/// <summary>
/// The pre-trade risk check alone, on the account object the Portfolio grain gives it: 20 positions with prices,
/// 10 open orders, every limit set, and an order that passes every rule (the longest path: nothing stops early).
/// </summary>
internal static class RiskCheckBenchmark
{
    public static LatencyHistogram Run(int checks)
    {
        var (account, limits) = Portfolio();
        var rate = new SubmitRateWindow(limits.MaxOrdersPerSecond!.Value);
        var order = new OrderRequest("bench-1", "bench", Symbol.Parse("S7"), Side.Buy, Quantity.Of(10), OrderType.Limit, LimitPrice: Price.Of(100.5m));
        var now = DateTimeOffset.UnixEpoch.AddDays(20_000);
        if (PreTradeRiskCheck.Check(order, account, limits, rate, now) is { } denial)
            throw new InvalidOperationException("the benchmark order must pass every rule: " + denial);

        for (var i = 0; i < checks / 10; i++)
            PreTradeRiskCheck.Check(order, account, limits, rate, now);
        var histogram = new LatencyHistogram();
        for (var i = 0; i < checks; i++)
        {
            var begin = Stopwatch.GetTimestamp();
            PreTradeRiskCheck.Check(order, account, limits, rate, now);
            histogram.Record((long)Stopwatch.GetElapsedTime(begin).TotalNanoseconds);
        }
        return histogram;
    }

    /// <summary>Measures what reading the clock twice costs, to say how much of each figure is the timer itself.</summary>
    public static LatencyHistogram TimerOverhead(int samples)
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < samples; i++)
        {
            var begin = Stopwatch.GetTimestamp();
            histogram.Record((long)Stopwatch.GetElapsedTime(begin).TotalNanoseconds);
        }
        return histogram;
    }

    private static (PortfolioAccount Account, RiskLimits Limits) Portfolio()
    {
        var time = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var state = new PortfolioState { Opened = true, Cash = 1_000_000m, StartingCash = 1_000_000m };
        for (var i = 0; i < 20; i++)
        {
            var symbol = Symbol.Parse("S" + i);
            state.Positions[symbol.Value] = new PositionSnapshot("bench", symbol, 100m, Price.Of(99m), Money.Zero, Money.Zero, 1, time, time, 1);
            state.Prices[symbol.Value] = new LastPrice(symbol, Price.Of(100m), time);
        }
        var limits = new RiskLimits
        {
            MaxOrderQuantity = 10_000m,
            MaxOrderNotional = 500_000m,
            MaxPositionNotional = 200_000m,
            MaxGrossExposure = 2m,
            MaxNetExposure = 1.5m,
            MaxConcentration = 0.5m,
            MaxOpenOrders = 100,
            MaxOrdersPerSecond = 1_000,
            AllowShortSelling = true,
            PriceCollar = 0.1m,
            DailyLossLimit = 50_000m,
            MaxDrawdown = 0.2m,
            MarginMultiplier = 2m,
        };
        state.Limits = limits;
        var account = new PortfolioAccount(state);
        for (var i = 0; i < 10; i++)
            account.AddOpenOrder("open-" + i, new OpenOrderEntry { Symbol = Symbol.Parse("S" + i), Side = Side.Buy, Quantity = 5m, ValuationPrice = 100m });
        return (account, limits);
    }
}

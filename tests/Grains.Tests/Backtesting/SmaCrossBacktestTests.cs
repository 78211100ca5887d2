using Meridian.Grains.Backtesting;
using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.Strategies;

namespace Meridian.Grains.Tests.Backtesting;

/// <summary>
/// sma-cross (fast 2, slow 3, stake 10) on a 15-bar series, every figure worked out by hand from the rule:
/// <code>
/// bar date   close  SMA2   SMA3    fast-slow  signal
///  0  01-02  10     -      -
///  1  01-03  10     -      -
///  2  01-04  10     10     10      0          (zero: no sign yet)
///  3  01-05   9      9.5    9.667  -          last sign becomes -
///  4  01-08   8      8.5    9      -
///  5  01-09   9      8.5    8.667  -
///  6  01-10  11     10      9.333  +          cross above: buy 10, fills at bar 7's open 11 + 0.25 = 11.25
///  7  01-11  12     11.5   10.667  +
///  8  01-12  12     12     11.667  +
///  9  01-15  10     11     11.333  -          cross below: sell 10, fills at bar 10's open 10 + 0.25 = 10.25
/// 10  01-16   8      9     10      -
/// 11  01-17   7      7.5    8.333  -
/// 12  01-18   9      8      8      0          (zero: the last sign stays -)
/// 13  01-19  11     10      9      +          cross above: buy 10, fills at bar 14's open 11 + 0.25 = 11.25
/// 14  01-22  12     11.5   10.667  +
/// </code>
/// Round trip: (10.25 - 11.25) x 10 = -10. Open at the end: 10 shares bought at 11.25, marked at 12: +7.50.
/// Final equity without commission: 10,000 - 10 + 7.50 = 9,997.50; cash 10,000 - 112.50 + 102.50 - 112.50 = 9,877.50.
/// </summary>
public sealed class SmaCrossBacktestTests
{
    private static readonly decimal[] s_closes = [10, 10, 10, 9, 8, 9, 11, 12, 12, 10, 8, 7, 9, 11, 12];
    private static readonly DateOnly s_start = new(2024, 1, 2);

    private static readonly StrategySpec s_smaCross = new("sma-cross", new Dictionary<string, decimal> { ["fast"] = 2, ["slow"] = 3, ["stake"] = 10 });

    private static Task<BacktestResult> RunAsync(ExchangeRules? rules = null) =>
        Backtest.RunAsync(
            new BacktestSettings(s_smaCross, 10_000m, rules ?? ExchangeRules.Default),
            [DailySeries.Of("AAA", s_start, DailySeries.OpensAfter(s_closes), s_closes)]);

    [Fact]
    public async Task Sma_cross_trades_at_the_hand_computed_bars_and_prices()
    {
        var result = await RunAsync();

        Assert.Equal(
            [
                (new DateOnly(2024, 1, 11), Side.Buy, 10m, 11.25m),
                (new DateOnly(2024, 1, 16), Side.Sell, 10m, 10.25m),
                (new DateOnly(2024, 1, 22), Side.Buy, 10m, 11.25m),
            ],
            result.Fills.Select(f => (DateOnly.FromDateTime(f.Time.UtcDateTime), f.Side, f.Quantity.Value, f.Price.Value)));
        Assert.All(result.Fills, f => Assert.Equal(DailySeries.OpenOf(DateOnly.FromDateTime(f.Time.UtcDateTime)), f.Time));
        Assert.Equal(["backtest-000001", "backtest-000002", "backtest-000003"], result.Orders.Select(o => o.ClientOrderId));
        Assert.All(result.Orders, o => Assert.Equal(OrderType.Market, o.Request.Type));
    }

    [Fact]
    public async Task Sma_cross_ends_with_the_hand_computed_equity_cash_and_trade()
    {
        var result = await RunAsync();

        Assert.Equal(9_997.50m, result.Final.Equity.Amount);
        Assert.Equal(9_877.50m, result.Final.Cash.Amount);
        var trade = Assert.Single(result.Trades);
        Assert.Equal("AAA", trade.Symbol.Value);
        Assert.Equal(11.25m, trade.Cycle.AverageEntryPrice.Value);
        Assert.Equal(10.25m, trade.Cycle.AverageExitPrice.Value);
        Assert.Equal(-10m, trade.Cycle.RealizedPnl.Amount);
        Assert.Equal(1, result.Statistics.TradeCount);
        Assert.Equal(15, result.BarCount);
        Assert.Empty(result.Denials);
    }

    [Fact]
    public async Task A_per_share_commission_comes_off_every_fill()
    {
        // 3 fills x 10 shares x 0.01 = 0.30 less equity than without commission: 9,997.50 - 0.30 = 9,997.20.
        var result = await RunAsync(ExchangeRules.Default with { Commission = new CommissionModel(PerShare: 0.01m) });

        Assert.All(result.Fills, f => Assert.Equal(0.10m, f.Commission.Amount));
        Assert.Equal(9_997.20m, result.Final.Equity.Amount);
    }

    [Fact]
    public async Task The_daily_equity_curve_has_one_point_per_bar_and_ends_at_the_final_equity()
    {
        var result = await RunAsync();

        Assert.Equal(s_closes.Length, result.Equity.Count);
        Assert.Equal(10_000m, result.Equity[0].Equity.Amount);
        Assert.Equal(9_997.50m, result.Equity[^1].Equity.Amount);
    }
}

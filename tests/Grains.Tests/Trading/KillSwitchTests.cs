using Meridian.Grains.Domain;
using Meridian.Grains.Portfolios;
using Meridian.Grains.Risk;
using static Meridian.Grains.Tests.Trading.TradingSilo;

namespace Meridian.Grains.Tests.Trading;

/// <summary>The trading state: set by an admin, or moved by a breached limit; and liquidate-all.</summary>
public sealed class KillSwitchTests
{
    [Fact]
    public async Task An_order_over_a_limit_is_denied_with_its_code_and_never_reaches_the_exchange()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1", limits: new RiskLimits { MaxOrderQuantity = 50m });
        await trading.PriceAsync("AAPL", 50m);

        var denied = await portfolio.SubmitOrderAsync(Market("o1", "p1", "AAPL", Side.Buy, 100m));
        await trading.BarAsync("AAPL", 50m, 50m, 50m, 50m);

        Assert.Equal(OrderStatus.Denied, denied.Status);
        Assert.Equal("QUANTITY_EXCEEDS_MAX_PER_ORDER", denied.DenialCode);
        Assert.Equal(OrderStatus.Denied, (await trading.OrderNowAsync("o1")).Status);
        Assert.Equal(0m, (await trading.Position("p1", "AAPL").GetAsync()).Quantity);
        Assert.Equal(100_000m, (await portfolio.GetAsync()).Cash.Amount);
    }

    [Fact]
    public async Task A_halted_portfolio_denies_new_orders_and_still_cancels()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        await trading.PriceAsync("AAPL", 50m);
        await portfolio.SubmitOrderAsync(Limit("o1", "p1", "AAPL", Side.Buy, 10m, 40m));
        await trading.Silo.RunUntilIdleAsync();

        await portfolio.SetTradingStateAsync(TradingState.Halted, "operator stop");
        var denied = await portfolio.SubmitOrderAsync(Market("o2", "p1", "AAPL", Side.Buy, 1m));
        await portfolio.CancelOrderAsync("o1");
        await trading.Silo.RunUntilIdleAsync();

        Assert.Equal("TRADING_HALTED", denied.DenialCode);
        Assert.Equal(OrderStatus.Canceled, (await trading.OrderNowAsync("o1")).Status);
        var change = Assert.IsType<TradingStateChanged>(Assert.Single(await portfolio.GetEventsAsync()));
        Assert.Equal((TradingState.Active, TradingState.Halted, "operator stop"), (change.From, change.To, change.Reason));
    }

    [Fact]
    public async Task A_reducing_portfolio_takes_only_orders_that_reduce_exposure()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        await trading.PriceAsync("AAPL", 50m);
        await portfolio.SubmitOrderAsync(Market("o1", "p1", "AAPL", Side.Buy, 100m));
        await trading.BarAsync("AAPL", 50m, 50m, 50m, 50m);

        await portfolio.SetTradingStateAsync(TradingState.Reducing, "risk review");
        var increase = await portfolio.SubmitOrderAsync(Market("o2", "p1", "AAPL", Side.Buy, 10m));
        var reduce = await portfolio.SubmitOrderAsync(Market("o3", "p1", "AAPL", Side.Sell, 50m));

        Assert.Equal("REDUCING_ONLY", increase.DenialCode);
        Assert.Equal(OrderStatus.Submitted, reduce.Status);
    }

    [Fact]
    public async Task Breaching_the_daily_loss_limit_halts_trading_and_records_why()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1", limits: new RiskLimits { DailyLossLimit = 500m });
        await trading.PriceAsync("AAPL", 50m);
        await portfolio.SubmitOrderAsync(Market("o1", "p1", "AAPL", Side.Buy, 100m));
        await trading.BarAsync("AAPL", 50m, 50m, 50m, 50m);

        // Next day: starts at equity 100,000 (cash 95,000 + 100 x 50). At 44: 95,000 + 4,400 = 99,400, a day loss of 600 >= 500.
        await trading.PriceAsync("AAPL", 44m);

        var account = await portfolio.GetAsync();
        Assert.Equal(-600m, account.DayPnl.Amount);
        Assert.Equal(TradingState.Halted, account.TradingState);
        var breach = Assert.Single((await portfolio.GetEventsAsync()).OfType<DailyLossLimitBreached>());
        Assert.Equal((-600m, 500m), (breach.DayPnl, breach.Limit));
        Assert.Equal("TRADING_HALTED", (await portfolio.SubmitOrderAsync(Market("o2", "p1", "AAPL", Side.Buy, 1m))).DenialCode);
    }

    [Fact]
    public async Task A_loss_short_of_the_daily_limit_keeps_trading_active()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1", limits: new RiskLimits { DailyLossLimit = 500m });
        await trading.PriceAsync("AAPL", 50m);
        await portfolio.SubmitOrderAsync(Market("o1", "p1", "AAPL", Side.Buy, 100m));
        await trading.BarAsync("AAPL", 50m, 50m, 50m, 50m);

        // 95,000 + 100 x 45.01 = 99,501: a day loss of 499.
        await trading.PriceAsync("AAPL", 45.01m);

        Assert.Equal(TradingState.Active, (await portfolio.GetAsync()).TradingState);
    }

    [Fact]
    public async Task Reaching_the_maximum_drawdown_switches_to_reducing_and_records_why()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1", limits: new RiskLimits { MaxDrawdown = 0.1m });
        await trading.PriceAsync("AAPL", 50m);
        await portfolio.SubmitOrderAsync(Market("o1", "p1", "AAPL", Side.Buy, 1_000m));
        await trading.BarAsync("AAPL", 50m, 50m, 50m, 50m);

        // High-water mark 100,000. At 40: 50,000 + 1,000 x 40 = 90,000, a drawdown of 10,000 / 100,000 = 0.1.
        await trading.PriceAsync("AAPL", 40m);

        var account = await portfolio.GetAsync();
        Assert.Equal(0.1m, account.Drawdown);
        Assert.Equal(TradingState.Reducing, account.TradingState);
        Assert.Single((await portfolio.GetEventsAsync()).OfType<MaxDrawdownBreached>());
    }

    [Fact]
    public async Task Liquidate_all_cancels_open_orders_and_closes_every_position()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1", limits: new RiskLimits { AllowShortSelling = true });
        await trading.PriceAsync("AAPL", 50m);
        await trading.PriceAsync("MSFT", 100m);
        await portfolio.SubmitOrderAsync(Market("o1", "p1", "AAPL", Side.Buy, 100m));
        await portfolio.SubmitOrderAsync(Market("o2", "p1", "MSFT", Side.Sell, 20m));
        await trading.BarAsync("AAPL", 50m, 50m, 50m, 50m);
        await trading.BarAsync("MSFT", 100m, 100m, 100m, 100m);
        await portfolio.SubmitOrderAsync(Limit("o3", "p1", "AAPL", Side.Buy, 10m, 30m));
        await trading.Silo.RunUntilIdleAsync();
        await portfolio.SetTradingStateAsync(TradingState.Halted, "kill switch");

        var closing = await portfolio.LiquidateAsync("kill switch");
        await trading.BarAsync("AAPL", 52m, 52m, 52m, 52m);
        await trading.BarAsync("MSFT", 99m, 99m, 99m, 99m);

        Assert.Equal([(Side.Sell, 100m), (Side.Buy, 20m)], closing.Select(o => (o.Request.Side, o.Request.Quantity.Value)));
        Assert.Equal(OrderStatus.Canceled, (await trading.OrderNowAsync("o3")).Status);
        var account = await portfolio.GetAsync();
        Assert.All(account.Positions, p => Assert.True(p.Position.IsFlat));
        // AAPL: +100 x (52 - 50) = 200; MSFT short 20: (100 - 99) x 20 = 20. Cash 100,000 + 220.
        Assert.Equal(100_220m, account.Cash.Amount);
        Assert.Single((await portfolio.GetEventsAsync()).OfType<LiquidationStarted>());
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using static Meridian.Grains.Tests.Trading.TradingSilo;

namespace Meridian.Grains.Tests.Trading;

/// <summary>An order's way through the grains: portfolio gate, Order grain, simulated exchange, position, portfolio.</summary>
public sealed class OrderFlowTests
{
    [Fact]
    public async Task Market_buy_fills_at_the_next_bar_open_and_updates_position_cash_and_equity()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        await trading.PriceAsync("AAPL", 50m);

        var submitted = await portfolio.SubmitOrderAsync(Market("o1", "p1", "AAPL", Side.Buy, 100m));
        Assert.Equal(OrderStatus.Submitted, submitted.Status);
        await trading.BarAsync("AAPL", open: 51m, high: 53m, low: 50m, close: 52m);

        var order = await trading.OrderNowAsync("o1");
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(100m, order.FilledQuantity.Value);
        Assert.Equal(51m, order.AverageFillPrice!.Value.Value);
        var position = await trading.Position("p1", "AAPL").GetAsync();
        Assert.Equal(100m, position.Quantity);
        Assert.Equal(51m, position.AverageEntryPrice!.Value.Value);

        // cash 100,000 - 100 x 51 = 94,900; marked at the bar's close 52: equity 94,900 + 5,200 = 100,100.
        var account = await portfolio.GetAsync();
        Assert.Equal(94_900m, account.Cash.Amount);
        Assert.Equal(100_100m, account.Equity.Amount);
        Assert.Equal(100m, account.UnrealizedPnl.Amount);
        Assert.Equal(5_200m, account.GrossExposure.Amount);
        Assert.Equal(0, account.OpenOrderCount);
    }

    [Fact]
    public async Task Resubmitting_the_same_order_returns_it_and_sends_nothing_twice()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        await trading.PriceAsync("AAPL", 50m);
        var request = Market("o1", "p1", "AAPL", Side.Buy, 100m);

        var first = await portfolio.SubmitOrderAsync(request);
        var second = await portfolio.SubmitOrderAsync(request);
        await trading.BarAsync("AAPL", 50m, 50m, 50m, 50m);

        Assert.Equal(first.ClientOrderId, second.ClientOrderId);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal(100m, (await trading.OrderNowAsync("o1")).FilledQuantity.Value);
        Assert.Equal(100m, (await trading.Position("p1", "AAPL").GetAsync()).Quantity);
        Assert.Single((await trading.Order("o1").GetHistoryAsync()).OfType<OrderSubmitted>());
    }

    [Fact]
    public async Task The_same_client_order_id_with_a_different_request_is_a_conflict()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        await trading.PriceAsync("AAPL", 50m);
        await portfolio.SubmitOrderAsync(Market("o1", "p1", "AAPL", Side.Buy, 100m));

        var conflict = await Assert.ThrowsAsync<OrderConflictException>(() => portfolio.SubmitOrderAsync(Market("o1", "p1", "AAPL", Side.Buy, 120m)));

        Assert.Contains("client_order_id 'o1' is already used", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(100m, (await trading.OrderNowAsync("o1")).Request.Quantity.Value);
    }

    [Fact]
    public async Task A_malformed_order_is_refused_naming_every_field_at_fault()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        var request = new OrderRequest("o1", "p1", Symbol.Parse("AAPL"), Side.Buy, Quantity.Zero, OrderType.Limit);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => portfolio.SubmitOrderAsync(request));

        Assert.Equal(["qty", "limit_price"], error.Errors.Select(e => e.Field));
        Assert.Null(await trading.Order("o1").GetAsync());
    }

    [Fact]
    public async Task Canceling_a_working_order_cancels_it_at_the_exchange_and_releases_it()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        await trading.PriceAsync("AAPL", 50m);
        await portfolio.SubmitOrderAsync(Limit("o1", "p1", "AAPL", Side.Buy, 10m, 40m));
        await trading.BarAsync("AAPL", 50m, 51m, 49m, 50m);
        Assert.Equal(OrderStatus.New, (await trading.OrderNowAsync("o1")).Status);

        await portfolio.CancelOrderAsync("o1");
        await trading.Silo.RunUntilIdleAsync();

        Assert.Equal(OrderStatus.Canceled, (await trading.OrderNowAsync("o1")).Status);
        Assert.Empty(await portfolio.GetOpenOrdersAsync());
        await trading.BarAsync("AAPL", 39m, 39m, 39m, 39m);
        Assert.Equal(0m, (await trading.Position("p1", "AAPL").GetAsync()).Quantity);
    }

    [Fact]
    public async Task Replacing_an_order_links_the_two_both_ways_and_the_new_one_works()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        await trading.PriceAsync("AAPL", 50m);
        await portfolio.SubmitOrderAsync(Limit("o1", "p1", "AAPL", Side.Buy, 10m, 40m));
        await trading.Silo.RunUntilIdleAsync();

        var replacement = await portfolio.ReplaceOrderAsync("o1", new OrderReplacement("o2", LimitPrice: Price.Of(45m)));
        await trading.Silo.RunUntilIdleAsync();

        var old = await trading.OrderNowAsync("o1");
        var current = await trading.OrderNowAsync("o2");
        Assert.Equal(OrderStatus.Replaced, old.Status);
        Assert.Equal("o2", old.ReplacedByClientOrderId);
        Assert.Equal("o1", current.ReplacesClientOrderId);
        Assert.Equal(45m, current.Request.LimitPrice!.Value.Value);
        Assert.Equal(["o2"], (await portfolio.GetOpenOrdersAsync()).Select(o => o.ClientOrderId));

        // Low 44 reaches the new limit 45 (the old one, 40, would not have filled).
        await trading.BarAsync("AAPL", 46m, 47m, 44m, 46m);
        Assert.Equal(OrderStatus.Filled, (await trading.OrderNowAsync("o2")).Status);
        Assert.Equal(45m, (await trading.OrderNowAsync("o2")).AverageFillPrice!.Value.Value);
    }

    [Fact]
    public async Task Bracket_exit_legs_live_after_the_entry_fills_and_the_take_profit_cancels_the_stop()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        await trading.PriceAsync("AAPL", 50m);
        var bracket = Market("b1", "p1", "AAPL", Side.Buy, 100m) with
        {
            TimeInForce = TimeInForce.Gtc,
            Class = OrderClass.Bracket,
            TakeProfit = new TakeProfitLeg(Price.Of(60m)),
            StopLoss = new StopLossLeg(Price.Of(45m)),
        };
        await portfolio.SubmitOrderAsync(bracket);
        await trading.Silo.RunUntilIdleAsync();
        Assert.Equal(OrderStatus.Held, (await trading.OrderNowAsync("b1-tp")).Status);

        await trading.BarAsync("AAPL", 50m, 50m, 50m, 50m);
        Assert.Equal(OrderStatus.Filled, (await trading.OrderNowAsync("b1")).Status);
        Assert.Equal(OrderStatus.New, (await trading.OrderNowAsync("b1-tp")).Status);
        Assert.Equal(OrderStatus.New, (await trading.OrderNowAsync("b1-sl")).Status);

        // High 61 reaches the take-profit 60 (opening at 52, below it): sold at 60; the stop is canceled.
        await trading.BarAsync("AAPL", 52m, 61m, 51m, 58m);
        Assert.Equal(OrderStatus.Filled, (await trading.OrderNowAsync("b1-tp")).Status);
        Assert.Equal(OrderStatus.Canceled, (await trading.OrderNowAsync("b1-sl")).Status);
        var account = await portfolio.GetAsync();
        // Bought 100 at 50, sold 100 at 60: realized 1,000; cash 100,000 + 1,000.
        Assert.Equal(101_000m, account.Cash.Amount);
        Assert.Equal(1_000m, account.RealizedPnl.Amount);
        Assert.Equal(0, account.OpenOrderCount);
    }

    [Fact]
    public async Task A_duplicated_execution_report_is_ignored_and_an_overfill_is_refused_and_flagged()
    {
        await using var trading = await TradingSilo.StartAsync();
        var portfolio = await trading.OpenAsync("p1");
        await trading.PriceAsync("AAPL", 50m);
        await portfolio.SubmitOrderAsync(Limit("o1", "p1", "AAPL", Side.Buy, 100m, 40m));
        await trading.Silo.RunUntilIdleAsync();
        var fill = new Fill("x1", Quantity.Of(60m), Price.Of(40m), Money.Zero, trading.Now);
        var report = new ExecutionReport("o1", OrderStatus.PartiallyFilled, trading.Now, Fill: fill);

        await trading.Order("o1").ApplyReportAsync(report);
        await trading.Order("o1").ApplyReportAsync(report);
        await trading.Order("o1").ApplyReportAsync(report with { Fill = fill with { ExecutionId = "x2" } });
        await trading.Silo.RunUntilIdleAsync();

        var order = await trading.OrderNowAsync("o1");
        Assert.Equal(60m, order.FilledQuantity.Value);
        Assert.True(order.OverfillFlagged);
        Assert.Single((await trading.Order("o1").GetHistoryAsync()).OfType<OrderOverfillRefused>());
        // Cash moved once: 100,000 - 60 x 40.
        Assert.Equal(97_600m, (await portfolio.GetAsync()).Cash.Amount);
    }
}

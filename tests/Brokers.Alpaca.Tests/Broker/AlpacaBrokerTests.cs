using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.Hosting;
using Meridian.Brokers.Alpaca.Orders;
using Meridian.Brokers.Alpaca.Tests.Fake;
using Meridian.Grains;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using Meridian.Grains.Risk;
using Meridian.Runtime.TestingHost;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Brokers.Alpaca.Tests.Broker;

public sealed class AlpacaBrokerTests
{
    [Fact]
    public async Task An_order_sent_to_alpaca_fills_in_two_parts_and_the_position_matches_the_fakes()
    {
        await using var platform = await AlpacaPlatform.StartAsync();

        await platform.SubmitAsync("buy-1", "AAPL", Side.Buy, 100m);
        await platform.LandedAsync("buy-1");
        platform.Fake.Fill("buy-1", 40m, 10m);
        platform.Fake.Fill("buy-1", 60m, 12.5m);
        await platform.Probe.FilledAsync("buy-1", 100m);

        var order = await platform.OrderAsync("buy-1");
        Assert.Equal(OrderStatus.Filled, order!.Status);
        Assert.Equal(11.5m, order.AverageFillPrice!.Value.Value); // (40 × 10 + 60 × 12.5) / 100
        Assert.Equal(platform.Fake.Order("buy-1")!.Id, order.BrokerOrderId);
        Assert.Equal(new Dictionary<string, decimal> { ["AAPL"] = 100m }, await platform.LocalPositionsAsync());
        Assert.Equal(platform.Fake.Positions, await platform.LocalPositionsAsync());
        Assert.Equal(1, platform.Fake.PostAttempts("buy-1"));
    }

    [Fact]
    public async Task A_request_alpaca_refuses_for_buying_power_ends_rejected_with_alpacas_reason()
    {
        await using var platform = await AlpacaPlatform.StartAsync(prepare: fake => fake.BuyingPower = 500m);

        await platform.SubmitAsync("too-big", "AAPL", Side.Buy, 100m);
        await platform.Probe.WaitAsync(u => u.ClientOrderId == "too-big" && u.Status == OrderStatus.Rejected, TimeSpan.FromSeconds(30));

        var order = await platform.OrderAsync("too-big");
        Assert.Equal(OrderStatus.Rejected, order!.Status);
        Assert.Contains("insufficient buying power", order.StatusReason, StringComparison.Ordinal);
        Assert.Contains("403", order.StatusReason, StringComparison.Ordinal);
        Assert.Null(platform.Fake.Order("too-big"));
    }

    [Fact]
    public async Task A_cancel_reaches_alpaca_and_the_canceled_event_ends_the_order()
    {
        await using var platform = await AlpacaPlatform.StartAsync(prepare: fake => fake.AutoCancel = true);
        await platform.Portfolio.SubmitOrderAsync(new OrderRequest("lim-1", AlpacaPlatform.PortfolioId, Symbol.Parse("MSFT"), Side.Buy, Quantity.Of(10m),
            OrderType.Limit, TimeInForce.Gtc, LimitPrice: Price.Of(50m)));
        await platform.LandedAsync("lim-1");

        await platform.Portfolio.CancelOrderAsync("lim-1");
        await platform.Probe.WaitAsync(u => u.ClientOrderId == "lim-1" && u.Status == OrderStatus.Canceled, TimeSpan.FromSeconds(30));

        Assert.Equal("canceled", platform.Fake.Order("lim-1")!.Status);
        Assert.Contains(platform.Fake.Requests, r => r.Method == "DELETE" && r.Path.StartsWith("/v2/orders/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bracket_order_goes_out_once_and_its_legs_at_alpaca_drive_the_platforms_legs()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        await platform.Portfolio.SubmitOrderAsync(new OrderRequest("br-1", AlpacaPlatform.PortfolioId, Symbol.Parse("SPY"), Side.Buy, Quantity.Of(10m),
            OrderType.Market, TimeInForce.Gtc, Class: OrderClass.Bracket,
            TakeProfit: new TakeProfitLeg(Price.Of(110m)), StopLoss: new StopLossLeg(Price.Of(90m))));
        await platform.LandedAsync("br-1");

        platform.Fake.Fill("br-1", 10m, 100m);
        await platform.Probe.FilledAsync("br-1", 10m);
        var takeProfit = platform.Fake.Orders.Single(o => o.Type == "limit" && o.Symbol == "SPY");
        platform.Fake.Fill(takeProfit.ClientOrderId, 10m, 110m);
        await platform.Probe.FilledAsync(OrderLegs.TakeProfitId("br-1"), 10m);

        Assert.Equal(OrderStatus.Filled, (await platform.OrderAsync(OrderLegs.TakeProfitId("br-1")))!.Status);
        Assert.Empty(await platform.LocalPositionsAsync());
        Assert.Empty(platform.Fake.Positions);
        Assert.Equal(1, platform.Fake.PostAttempts("br-1"));
    }

    [Fact]
    public async Task An_order_placed_outside_the_platform_is_adopted_as_external_and_its_fill_counts()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        var external = platform.Fake.PlaceExternal("TSLA", "buy", 5m);
        platform.Fake.Fill(external.ClientOrderId, 5m, 200m);

        var report = await platform.ReconcileAsync();

        Assert.Equal(1, report.Adopted);
        Assert.True(report.Consistent);
        var adopted = await platform.OrderAsync($"ext-{external.Id}");
        Assert.True(adopted!.External);
        Assert.Equal(OrderStatus.Filled, adopted.Status);
        Assert.Equal(new Dictionary<string, decimal> { ["TSLA"] = 5m }, await platform.LocalPositionsAsync());
    }

    [Fact]
    public async Task A_position_reconciliation_cannot_explain_halts_the_portfolio_with_the_reason()
    {
        await using var platform = await AlpacaPlatform.StartAsync();
        // A symbol longer than the platform allows (21 characters): the order cannot be adopted, so its position cannot be explained.
        var option = platform.Fake.PlaceExternal("SPXW261218P05000000ABC", "buy", 1m);
        platform.Fake.Fill(option.ClientOrderId, 1m, 5m);

        await platform.ReconcileAsync();

        var portfolio = await platform.Portfolio.GetAsync();
        Assert.Equal(TradingState.Halted, portfolio.TradingState);
        Assert.Contains("reconciliation", portfolio.TradingStateReason, StringComparison.Ordinal);
        Assert.Contains(option.Id, portfolio.TradingStateReason, StringComparison.Ordinal);
        var denied = await platform.SubmitAsync("after-halt", "AAPL", Side.Buy, 1m);
        Assert.Equal(OrderStatus.Denied, denied.Status);
        Assert.Null(platform.Fake.Order("after-halt"));
    }

    [Fact]
    public async Task Dry_run_logs_and_sends_nothing_that_changes_orders()
    {
        await using var platform = await AlpacaPlatform.StartAsync(dryRun: true);

        var submitted = await platform.SubmitAsync("dry-1", "AAPL", Side.Buy, 10m);
        Assert.Equal(OrderStatus.Submitted, submitted.Status);
        var journal = await WaitForSubmissionAsync(platform, "dry-1", AlpacaSubmission.DryRun);

        Assert.Equal(AlpacaSubmission.DryRun, journal.Submission);
        Assert.Empty(platform.Fake.Orders);
        Assert.DoesNotContain(platform.Fake.Requests, r => r.Method is "POST" or "PATCH" or "DELETE");
    }

    [Fact]
    public async Task Refused_keys_stop_startup_with_the_settings_to_fix_after_one_request_and_no_key_in_the_message()
    {
        await using var fake = await FakeAlpaca.StartAsync();
        await using var silo = await TestSilo.StartAsync(s =>
        {
            s.AddTrading();
            s.AddAlpacaBroker(AlpacaPlatform.OptionsFor(fake), new AlpacaCredentials("PKWRONGKEY99", "not-the-secret"));
        });

        var e = await Assert.ThrowsAsync<AlpacaConfigurationException>(() =>
            silo.Services.GetRequiredService<AlpacaStartup>().StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ALPACA_API_KEY_ID", e.Message, StringComparison.Ordinal);
        Assert.Contains("ALPACA_API_SECRET_KEY", e.Message, StringComparison.Ordinal);
        Assert.Contains("401", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PKWRONGKEY99", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", e.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task An_order_answer_that_breaks_the_contract_leaves_the_order_pending_until_reconciliation_reads_it()
    {
        // No acknowledgement on the stream: only reconciliation can settle the order.
        await using var platform = await AlpacaPlatform.StartAsync(prepare: fake => fake.AutoAccept = false);
        platform.Fake.Faults.MalformedNextOrderResponse("filled_qty");

        await platform.SubmitAsync("odd-1", "AAPL", Side.Buy, 10m);
        var journal = await WaitForSubmissionAsync(platform, "odd-1", AlpacaSubmission.Unknown);
        Assert.Equal(OrderStatus.Submitted, (await platform.OrderAsync("odd-1"))!.Status);

        platform.Fake.Fill("odd-1", 10m, 20m);
        var report = await platform.ReconcileAsync();

        Assert.Equal(AlpacaSubmission.Unknown, journal.Submission);
        Assert.True(report.Consistent);
        Assert.Equal(OrderStatus.Filled, (await platform.OrderAsync("odd-1"))!.Status);
        Assert.Equal(1, platform.Fake.CreatedCount("odd-1"));
    }

    /// <summary>
    /// The journal once the send has finished: the send runs one-way inside the Alpaca order grain, and a read-only call
    /// queued behind it waits for it (a grain runs one writer at a time).
    /// </summary>
    private static async Task<AlpacaOrderView> WaitForSubmissionAsync(AlpacaPlatform platform, string clientOrderId, AlpacaSubmission expected)
    {
        var view = await platform.JournalAsync(clientOrderId) ?? throw new InvalidOperationException($"order {clientOrderId} has no journal");
        Assert.Equal(expected, view.Submission);
        return view;
    }
}

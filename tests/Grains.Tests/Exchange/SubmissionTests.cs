using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.Orders;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class SubmissionTests
{
    [Fact]
    public void Accepted_order_is_reported_new_with_a_sequential_broker_order_id()
    {
        var book = Book();

        var first = Assert.Single(book.Submit(Market(Side.Buy, 100, "a"), Open));
        var second = Assert.Single(book.Submit(Market(Side.Buy, 100, "b"), Open));

        Assert.Equal((OrderStatus.New, "sim-1", Open), (first.Status, first.BrokerOrderId, first.Time));
        Assert.Equal("sim-2", second.BrokerOrderId);
    }

    [Fact]
    public void Order_for_another_symbol_is_rejected()
    {
        var report = Assert.Single(Book().Submit(Market(Side.Buy, 100) with { Symbol = Symbol.Parse("MSFT") }, Open));

        Assert.Equal((OrderStatus.Rejected, null), (report.Status, report.BrokerOrderId));
        Assert.Contains("'MSFT' is not traded by this book, which trades 'AAPL'", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_order_is_rejected_with_every_reason()
    {
        var report = Assert.Single(Book().Submit(Market(Side.Buy, 0) with { Type = OrderType.Limit }, Open));

        Assert.Equal(OrderStatus.Rejected, report.Status);
        Assert.Contains("qty: must be greater than zero", report.Reason, StringComparison.Ordinal);
        Assert.Contains("limit_price: is required for limit orders", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_whose_id_is_already_working_is_rejected()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m));

        var report = Assert.Single(book.Submit(Limit(Side.Buy, 100, 98m), Open));

        Assert.Equal(OrderStatus.Rejected, report.Status);
        Assert.Contains("'o1' is already working here", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Opg_stop_order_is_rejected_because_an_auction_has_one_price()
    {
        var report = Assert.Single(Book().Submit(Stop(Side.Buy, 100, 101m) with { TimeInForce = TimeInForce.Opg }, Open));

        Assert.Contains("opg orders must be market or limit, not stop", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Oco_with_a_take_profit_other_than_its_limit_is_rejected()
    {
        var oco = Limit(Side.Sell, 100, 110m) with { Class = OrderClass.Oco, TakeProfit = new(P(111m)), StopLoss = new(P(95m)) };

        var report = Assert.Single(Book().Submit(oco, Open));

        Assert.Contains("take_profit.limit_price: 111 differs from limit_price 110", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_inputs_give_the_same_reports_and_ids()
    {
        static List<ExecutionReport> Run()
        {
            var book = Book(ExchangeRules.Default with { Slippage = new VolumeShareSlippage() });
            var reports = new List<ExecutionReport>();
            reports.AddRange(book.Submit(Market(Side.Buy, 60, "a"), Open));
            reports.AddRange(book.Submit(Limit(Side.Sell, 30, 101m, "b") with { Class = OrderClass.Oco, StopLoss = new(P(98m)) }, Open));
            reports.AddRange(book.OnBar(Bar(0, 100m, 101.5m, 99m, 100.5m, volume: 2000m)));
            reports.AddRange(book.OnBar(Bar(1, 100.5m, 101m, 97m, 98m, volume: 2000m)));
            return reports;
        }

        var first = Run();

        Assert.Equal(first, Run());
        // Bar 0: "a" takes the whole cap of 50. Bar 1: "a" takes its last 10, then both exits of "b" would fill
        // intrabar, so its stop-loss (order 3) wins and fills 30.
        Assert.Equal(
            ["sim-1-1", "sim-1-2", "sim-3-1"],
            first.Where(r => r.Fill is not null).Select(r => r.Fill!.ExecutionId));
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.Orders;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class OrderGroupTests
{
    /// <summary>Buy 100 at market; take profit at 110, stop loss at 95.</summary>
    private static OrderRequest Bracket() =>
        Market(Side.Buy, 100) with { Class = OrderClass.Bracket, TakeProfit = new(P(110m)), StopLoss = new(P(95m)) };

    /// <summary>A bracket whose entry filled at 100 in bar 0; its exits are live from bar 1.</summary>
    private static SimulatedExchangeBook FilledBracket(ExchangeRules? rules = null)
    {
        var book = BookWith(Bracket(), rules);
        book.OnBar(Bar(0, 100m, 101m, 99m, 100.5m));
        return book;
    }

    [Fact]
    public void Bracket_submission_reports_the_entry_new_and_both_exits_held()
    {
        var reports = Book().Submit(Bracket(), Open);

        Assert.Equal(["o1:New", "o1-tp:Held", "o1-sl:Held"], Statuses(reports));
        Assert.Equal(["sim-1", "sim-2", "sim-3"], reports.Select(r => r.BrokerOrderId));
    }

    [Fact]
    public void Bracket_exits_go_live_when_the_entry_fills_and_trade_only_from_the_next_bar()
    {
        var book = BookWith(Bracket());

        // The bar reaches both exit prices after the entry's fill at the open, but exits are live only from the next bar.
        var reports = book.OnBar(Bar(0, 100m, 111m, 94m, 100m));

        Assert.Equal(["o1:Filled", "o1-tp:New", "o1-sl:New"], Statuses(reports));
        Assert.Equal(100m, reports[0].Fill!.Price.Value);
    }

    [Fact]
    public void Take_profit_fill_cancels_the_stop_loss()
    {
        var book = FilledBracket();

        var reports = book.OnBar(Bar(1, 105m, 110.5m, 104m, 110m));

        Assert.Equal(["o1-tp:Filled", "o1-sl:Canceled"], Statuses(reports));
        Assert.Equal(110m, reports[0].Fill!.Price.Value);
    }

    [Fact]
    public void Stop_loss_fill_cancels_the_take_profit()
    {
        var book = FilledBracket();

        var reports = book.OnBar(Bar(1, 99m, 99.5m, 94m, 94.5m));

        Assert.Equal(["o1-sl:Filled", "o1-tp:Canceled"], Statuses(reports));
        Assert.Equal(95m, reports[0].Fill!.Price.Value);
    }

    [Fact]
    public void When_a_bar_reaches_both_exits_intrabar_the_stop_loss_wins()
    {
        var book = FilledBracket();

        var reports = book.OnBar(Bar(1, 105m, 111m, 94m, 100m));

        Assert.Equal(["o1-sl:Filled", "o1-tp:Canceled"], Statuses(reports));
        Assert.Equal(95m, reports[0].Fill!.Price.Value);
    }

    [Fact]
    public void When_a_bar_opens_past_the_take_profit_it_wins_over_a_later_stop_loss()
    {
        var book = FilledBracket();

        var reports = book.OnBar(Bar(1, 112m, 113m, 94m, 100m));

        Assert.Equal(["o1-tp:Filled", "o1-sl:Canceled"], Statuses(reports));
        Assert.Equal(112m, reports[0].Fill!.Price.Value);
    }

    [Fact]
    public void Cancelling_the_parent_cancels_its_held_legs()
    {
        var book = BookWith(Bracket() with { Type = OrderType.Limit, LimitPrice = P(90m) });

        Assert.Equal(["o1:Canceled", "o1-tp:Canceled", "o1-sl:Canceled"], Statuses(book.Cancel("o1", Open)));
        Assert.Empty(book.OnBar(Bar(0, 100m, 101m, 85m, 100m)));
    }

    [Fact]
    public void Cancelling_a_live_exit_cancels_its_sibling()
    {
        var book = FilledBracket();

        Assert.Equal(["o1-sl:Canceled", "o1-tp:Canceled"], Statuses(book.Cancel("o1-sl", Open.AddHours(1))));
    }

    [Fact]
    public void Entry_that_expires_unfilled_takes_its_held_legs_with_it()
    {
        var book = Book();
        book.Submit(Bracket() with { Type = OrderType.Limit, LimitPrice = P(90m), TimeInForce = TimeInForce.Day }, NewYork(4, 0, 0));
        book.OnBar(Daily(4, 100m, 101m, 95m, 99m));

        Assert.Equal(["o1:Expired", "o1-tp:Canceled", "o1-sl:Canceled"], Statuses(book.OnBar(Daily(5, 99m, 100m, 89m, 92m))));
    }

    [Fact]
    public void Oco_works_both_exits_at_once_and_the_first_fill_cancels_the_other()
    {
        var book = Book();
        var oco = Limit(Side.Sell, 100, 110m) with { Class = OrderClass.Oco, StopLoss = new(P(95m)) };

        Assert.Equal(["o1:New", "o1-sl:New"], Statuses(book.Submit(oco, Open)));
        var reports = book.OnBar(Bar(0, 100m, 101m, 94.5m, 95.5m));

        Assert.Equal(["o1-sl:Filled", "o1:Canceled"], Statuses(reports));
        Assert.Equal((95m, 100m), (reports[0].Fill!.Price.Value, reports[0].Fill!.Quantity.Value));
    }

    [Fact]
    public void Oco_partial_fill_of_one_exit_cancels_the_other_and_the_rest_keeps_working()
    {
        var rules = ExchangeRules.Default with { Slippage = new VolumeShareSlippage(0.1m, 0m) };
        var book = BookWith(Limit(Side.Sell, 100, 110m) with { Class = OrderClass.Oco, StopLoss = new(P(95m)) }, rules);

        var reports = book.OnBar(Bar(0, 100m, 101m, 94.5m, 95.5m, volume: 500m));
        Assert.Equal(["o1-sl:PartiallyFilled", "o1:Canceled"], Statuses(reports));
        Assert.Equal(Q(50), reports[0].Fill!.Quantity);

        var rest = Assert.Single(book.OnBar(Bar(1, 96m, 97m, 95.5m, 96.5m, volume: 500m)));
        Assert.Equal((OrderStatus.Filled, 50m, 96m), (rest.Status, rest.Fill!.Quantity.Value, rest.Fill.Price.Value));
    }

    [Fact]
    public void Oto_entry_fill_activates_its_one_exit()
    {
        var book = Book();
        var oto = Market(Side.Buy, 100) with { Class = OrderClass.Oto, StopLoss = new(P(95m), LimitPrice: P(94m)) };

        Assert.Equal(["o1:New", "o1-sl:Held"], Statuses(book.Submit(oto, Open)));
        Assert.Equal(["o1:Filled", "o1-sl:New"], Statuses(book.OnBar(Bar(0, 100m, 101m, 99m, 100.5m))));

        // The exit is a stop-limit sell: triggered intrabar at 95, its limit 94 accepts 95.
        var exit = Assert.Single(book.OnBar(Bar(1, 99m, 99.5m, 93m, 93.5m)));
        Assert.Equal(("o1-sl", 95m, Q(100)), (exit.ClientOrderId, exit.Fill!.Price.Value, exit.Fill.Quantity));
    }

    [Fact]
    public void Day_bracket_on_intraday_bars_keeps_its_exits_only_until_the_entrys_session_ends()
    {
        var book = Book();
        book.Submit(Bracket() with { TimeInForce = TimeInForce.Day }, NewYork(4, 15, 55));
        Assert.Equal(["o1:Filled", "o1-tp:New", "o1-sl:New"], Statuses(book.OnBar(BarAt(NewYork(4, 15, 55), 100m, 101m, 99m, 100m))));

        Assert.Equal(["o1-tp:Expired", "o1-sl:Expired"], Statuses(book.OnBar(BarAt(NewYork(5, 9, 30), 100m, 111m, 94m, 100m))));
    }

    [Fact]
    public void Day_bracket_on_daily_bars_expires_its_exits_before_they_trade()
    {
        var book = Book();
        book.Submit(Bracket() with { TimeInForce = TimeInForce.Day }, NewYork(4, 0, 0));
        Assert.Equal(["o1:Filled", "o1-tp:New", "o1-sl:New"], Statuses(book.OnBar(Daily(4, 100m, 101m, 99m, 100m))));

        // The exits share the entry's session, the bar of the 4th, and go live only after it.
        Assert.Equal(["o1-tp:Expired", "o1-sl:Expired"], Statuses(book.OnBar(Daily(5, 100m, 111m, 94m, 100m))));
    }
}

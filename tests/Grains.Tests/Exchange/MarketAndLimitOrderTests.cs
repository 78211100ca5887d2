using Meridian.Grains.Domain;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class MarketAndLimitOrderTests
{
    [Fact]
    public void Market_order_placed_at_a_bars_close_fills_at_the_next_bars_open()
    {
        var book = Book();
        book.Submit(Market(Side.Buy, 100), Open + FiveMinutes); // at bar 0's close

        Assert.Empty(book.OnBar(Bar(0, 100m, 101m, 99m, 100.5m)));
        var report = Assert.Single(book.OnBar(Bar(1, 100.75m, 101m, 100m, 100.5m)));

        Assert.Equal(OrderStatus.Filled, report.Status);
        Assert.Equal(100.75m, report.Fill!.Price.Value);
        Assert.Equal(Q(100), report.Fill.Quantity);
        Assert.Equal(Open + FiveMinutes, report.Fill.Time);
        Assert.Equal(Open + FiveMinutes, report.Time);
    }

    [Fact]
    public void Order_accepted_after_a_bar_opened_is_not_eligible_for_that_bar()
    {
        var book = Book();
        book.Submit(Market(Side.Buy, 100), Open.AddMinutes(2));

        Assert.Empty(book.OnBar(Bar(0, 100m, 101m, 99m, 100.5m)));
        Assert.Equal(100.5m, FillPrice(book.OnBar(Bar(1, 100.5m, 101m, 100m, 100.5m))));
    }

    [Fact]
    public void Limit_buy_fills_at_the_limit_when_the_low_touches_it()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m));

        Assert.Equal(99m, FillPrice(book.OnBar(Bar(0, 100m, 101m, 98.5m, 99.5m))));
    }

    [Fact]
    public void Limit_buy_fills_at_open_when_bar_gaps_below_limit()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m));

        Assert.Equal(98m, FillPrice(book.OnBar(Bar(0, 98m, 99.5m, 97.5m, 99m))));
    }

    [Fact]
    public void Limit_buy_does_not_fill_when_the_low_stays_above_the_limit_and_fills_later()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m));

        Assert.Empty(book.OnBar(Bar(0, 100m, 101m, 99.01m, 100m)));
        Assert.Equal(99m, FillPrice(book.OnBar(Bar(1, 100m, 100.5m, 98m, 98.5m))));
    }

    [Fact]
    public void Limit_sell_fills_at_the_limit_when_the_high_touches_it()
    {
        var book = BookWith(Limit(Side.Sell, 100, 101m));

        Assert.Equal(101m, FillPrice(book.OnBar(Bar(0, 100m, 101.5m, 99m, 100m))));
    }

    [Fact]
    public void Limit_sell_fills_at_open_when_bar_gaps_above_limit()
    {
        var book = BookWith(Limit(Side.Sell, 100, 101m));

        Assert.Equal(102m, FillPrice(book.OnBar(Bar(0, 102m, 103m, 101.5m, 102.5m))));
    }

    [Fact]
    public void Limit_sell_does_not_fill_when_the_high_stays_below_the_limit()
    {
        var book = BookWith(Limit(Side.Sell, 100, 101m));

        Assert.Empty(book.OnBar(Bar(0, 100m, 100.99m, 99m, 100m)));
    }
}

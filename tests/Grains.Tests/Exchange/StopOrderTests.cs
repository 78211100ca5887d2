using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class StopOrderTests
{
    [Fact]
    public void Stop_buy_fills_at_the_stop_when_the_high_reaches_it()
    {
        var book = BookWith(Stop(Side.Buy, 100, 101m));

        Assert.Equal(101m, FillPrice(book.OnBar(Bar(0, 100m, 101.5m, 99.5m, 101.2m))));
    }

    [Fact]
    public void Stop_buy_fills_at_open_when_bar_gaps_through_the_stop()
    {
        var book = BookWith(Stop(Side.Buy, 100, 101m));

        Assert.Equal(102m, FillPrice(book.OnBar(Bar(0, 102m, 103m, 101.5m, 102.5m))));
    }

    [Fact]
    public void Stop_buy_does_not_trigger_below_the_stop()
    {
        var book = BookWith(Stop(Side.Buy, 100, 101m));

        Assert.Empty(book.OnBar(Bar(0, 100m, 100.99m, 99m, 100m)));
    }

    [Fact]
    public void Stop_sell_fills_at_the_stop_when_the_low_reaches_it()
    {
        var book = BookWith(Stop(Side.Sell, 100, 99m));

        Assert.Equal(99m, FillPrice(book.OnBar(Bar(0, 100m, 100.5m, 98.5m, 98.8m))));
    }

    [Fact]
    public void Stop_sell_fills_at_open_when_bar_gaps_through_the_stop()
    {
        var book = BookWith(Stop(Side.Sell, 100, 99m));

        Assert.Equal(97.5m, FillPrice(book.OnBar(Bar(0, 97.5m, 98m, 96m, 97m))));
    }

    [Fact]
    public void Stop_limit_buy_triggered_intrabar_fills_at_the_stop_when_the_limit_is_above_it()
    {
        var book = BookWith(StopLimit(Side.Buy, 100, stop: 101m, limit: 101.5m));

        Assert.Equal(101m, FillPrice(book.OnBar(Bar(0, 100m, 102m, 99.5m, 101.8m))));
    }

    [Fact]
    public void Stop_limit_buy_triggered_intrabar_with_limit_below_stop_waits_for_the_next_bar_as_a_limit()
    {
        var book = BookWith(StopLimit(Side.Buy, 100, stop: 101m, limit: 100.5m));

        // The low of 99 is below the limit but may have come before the high triggered the stop.
        Assert.Empty(book.OnBar(Bar(0, 100m, 101.5m, 99m, 101m)));
        Assert.Equal(100.5m, FillPrice(book.OnBar(Bar(1, 101m, 101.2m, 100.4m, 100.8m))));
    }

    [Fact]
    public void Stop_limit_buy_triggered_by_a_gap_is_a_limit_for_the_rest_of_the_bar()
    {
        var book = BookWith(StopLimit(Side.Buy, 100, stop: 101m, limit: 101.5m));

        // Opens at 102, above the limit; the low of 101.2 comes after the open, so the limit of 101.5 fills.
        Assert.Equal(101.5m, FillPrice(book.OnBar(Bar(0, 102m, 102.5m, 101.2m, 101.8m))));
    }

    [Fact]
    public void Stop_limit_buy_triggered_by_a_gap_past_its_limit_stays_triggered_without_a_fill()
    {
        var book = BookWith(StopLimit(Side.Buy, 100, stop: 101m, limit: 101.5m));

        Assert.Empty(book.OnBar(Bar(0, 103m, 104m, 102m, 103.5m)));
        // Now a limit buy at 101.5: the next bar opens below it and fills at the open, though it never reaches the stop again.
        Assert.Equal(100.8m, FillPrice(book.OnBar(Bar(1, 100.8m, 100.9m, 100m, 100.5m))));
    }

    [Fact]
    public void Stop_limit_sell_triggered_intrabar_fills_at_the_stop_when_the_limit_is_below_it()
    {
        var book = BookWith(StopLimit(Side.Sell, 100, stop: 99m, limit: 98.5m));

        Assert.Equal(99m, FillPrice(book.OnBar(Bar(0, 100m, 100.2m, 98m, 98.2m))));
    }

    [Fact]
    public void Stop_order_partially_filled_when_triggered_fills_the_rest_at_the_next_open()
    {
        var rules = ExchangeRules.Default with { Slippage = new VolumeShareSlippage(0.1m, 0m) };
        var book = BookWith(Stop(Side.Sell, 100, 99m), rules);

        var first = Assert.Single(book.OnBar(Bar(0, 100m, 100.5m, 98.5m, 98.8m, volume: 600m)));
        Assert.Equal((OrderStatus.PartiallyFilled, 60m, 99m), (first.Status, first.Fill!.Quantity.Value, first.Fill.Price.Value));

        // Triggered, it is a market order now: the rest fills at the open even far above the stop.
        var second = Assert.Single(book.OnBar(Bar(1, 101m, 102m, 100.5m, 101.5m, volume: 600m)));
        Assert.Equal((OrderStatus.Filled, 40m, 101m), (second.Status, second.Fill!.Quantity.Value, second.Fill.Price.Value));
    }
}

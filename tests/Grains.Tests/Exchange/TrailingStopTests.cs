using Meridian.Grains.Domain;
using Meridian.Grains.Orders;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class TrailingStopTests
{
    private static OrderRequest Trailing(Side side, decimal? trailPrice = null, decimal? trailPercent = null) =>
        Market(side, 100) with { Type = OrderType.TrailingStop, TrailPrice = trailPrice is { } p ? P(p) : null, TrailPercent = trailPercent };

    [Fact]
    public void Trailing_sell_by_amount_follows_the_high_and_fills_at_the_stop()
    {
        var book = BookWith(Trailing(Side.Sell, trailPrice: 2m));
        Assert.Null(book.CurrentStop("o1"));

        // Water mark starts at the open, 100: stop 98, the low 99 does not reach it; then the high 103 raises the stop to 101.
        Assert.Empty(book.OnBar(Bar(0, 100m, 103m, 99m, 102m)));
        Assert.Equal(P(101m), book.CurrentStop("o1"));

        // Stop 101 is checked before this bar's high: the low 101.5 stays above; the high 106 then raises it to 104.
        Assert.Empty(book.OnBar(Bar(1, 102m, 106m, 101.5m, 105m)));
        Assert.Equal(P(104m), book.CurrentStop("o1"));

        Assert.Equal(104m, FillPrice(book.OnBar(Bar(2, 105m, 105.5m, 103m, 103.5m))));
    }

    [Fact]
    public void Trailing_sell_by_percent_follows_the_high_and_fills_at_the_stop()
    {
        var book = BookWith(Trailing(Side.Sell, trailPercent: 5m));

        // Open 100: stop 95; the low 96 stays above; the high 110 raises the stop to 110 × 0.95 = 104.5.
        Assert.Empty(book.OnBar(Bar(0, 100m, 110m, 96m, 108m)));
        Assert.Equal(P(104.5m), book.CurrentStop("o1"));

        Assert.Equal(104.5m, FillPrice(book.OnBar(Bar(1, 108m, 109m, 103m, 104m))));
    }

    [Fact]
    public void Trailing_sell_does_not_trigger_on_a_stop_raised_by_the_same_bars_high()
    {
        var book = BookWith(Trailing(Side.Sell, trailPrice: 2m));

        // The high 110 would put the stop at 108 and the low 105 below it, but the high may have come after the low.
        Assert.Empty(book.OnBar(Bar(0, 100m, 110m, 99m, 106m)));
        Assert.Equal(P(108m), book.CurrentStop("o1"));
    }

    [Fact]
    public void Trailing_sell_fills_at_open_when_bar_gaps_below_the_stop()
    {
        var book = BookWith(Trailing(Side.Sell, trailPrice: 2m));
        book.OnBar(Bar(0, 100m, 103m, 99m, 102m)); // stop now 101

        Assert.Equal(100m, FillPrice(book.OnBar(Bar(1, 100m, 100.5m, 99m, 99.5m))));
    }

    [Fact]
    public void Trailing_buy_by_amount_follows_the_low_and_fills_at_the_stop()
    {
        var book = BookWith(Trailing(Side.Buy, trailPrice: 1.5m));

        // Open 50: stop 51.5, the high 51 stays below; the low 49 lowers the stop to 50.5.
        Assert.Empty(book.OnBar(Bar(0, 50m, 51m, 49m, 49.5m)));
        Assert.Equal(P(50.5m), book.CurrentStop("o1"));

        // Stop 50.5: the high 50.2 stays below; the low 48 lowers it to 49.5.
        Assert.Empty(book.OnBar(Bar(1, 49.5m, 50.2m, 48m, 48.5m)));
        Assert.Equal(P(49.5m), book.CurrentStop("o1"));

        Assert.Equal(49.5m, FillPrice(book.OnBar(Bar(2, 48.5m, 50m, 48.2m, 49.8m))));
    }

    [Fact]
    public void Trailing_percent_stop_is_rounded_to_four_decimals_midpoint_away_from_zero()
    {
        var book = BookWith(Trailing(Side.Sell, trailPercent: 2.5m));

        // 101.37 × 0.975 = 98.83575, a midpoint: rounds to 98.8358.
        book.OnBar(Bar(0, 100m, 101.37m, 99.5m, 101m));

        Assert.Equal(P(98.8358m), book.CurrentStop("o1"));
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class SlippageTests
{
    private static readonly ExchangeRules TenBps = ExchangeRules.Default with { Slippage = new FixedBpsSlippage(10m) };

    private static readonly ExchangeRules ZiplineDefaults = ExchangeRules.Default with { Slippage = new VolumeShareSlippage() };

    [Fact]
    public void Fixed_bps_buy_pays_more_than_the_open()
    {
        var book = BookWith(Market(Side.Buy, 100), TenBps);

        // 100 × 1.001
        Assert.Equal(100.1m, FillPrice(book.OnBar(Bar(0, 100m, 101m, 99m, 100m))));
    }

    [Fact]
    public void Fixed_bps_sell_receives_less_than_the_open()
    {
        var book = BookWith(Market(Side.Sell, 100), TenBps);

        // 100 × 0.999
        Assert.Equal(99.9m, FillPrice(book.OnBar(Bar(0, 100m, 101m, 99m, 100m))));
    }

    [Fact]
    public void Fixed_bps_price_is_rounded_to_four_decimals()
    {
        var book = BookWith(Market(Side.Buy, 100), TenBps);

        // 33.3333 × 1.001 = 33.3666333 → 33.3666
        Assert.Equal(33.3666m, FillPrice(book.OnBar(Bar(0, 33.3333m, 34m, 33m, 33.5m))));
    }

    [Fact]
    public void Slippage_never_takes_a_limit_fill_past_its_limit()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m), TenBps);

        // Touched at 99: 99 × 1.001 = 99.099 is above the limit, so the fill is at 99.
        Assert.Equal(99m, FillPrice(book.OnBar(Bar(0, 100m, 101m, 98.5m, 99.5m))));
    }

    [Fact]
    public void Slippage_applies_to_a_limit_fill_at_a_better_open_up_to_the_limit()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m), TenBps);

        // Opens at 98: 98 × 1.001 = 98.098, within the limit.
        Assert.Equal(98.098m, FillPrice(book.OnBar(Bar(0, 98m, 99.5m, 97.5m, 99m))));
    }

    [Fact]
    public void Volume_share_fills_at_most_the_participation_cap_per_bar_with_price_impact()
    {
        var rules = ZiplineDefaults with { Commission = new CommissionModel(Minimum: 1m) };
        var book = BookWith(Market(Side.Buy, 120), rules);

        // Cap 2.5% of 2000 = 50; share 0.025 → impact 0.1 × 0.025² = 0.0000625 → 100 × 1.0000625 = 100.00625 → 100.0063
        var first = Assert.Single(book.OnBar(Bar(0, 100m, 101m, 99m, 100m, volume: 2000m)));
        Assert.Equal((OrderStatus.PartiallyFilled, 50m, 100.0063m), (first.Status, first.Fill!.Quantity.Value, first.Fill.Price.Value));

        // Cap 2.5% of 1000 = 25; same share → 101 × 1.0000625 = 101.0063125 → 101.0063
        var second = Assert.Single(book.OnBar(Bar(1, 101m, 102m, 100m, 101m, volume: 1000m)));
        Assert.Equal((OrderStatus.PartiallyFilled, 25m, 101.0063m), (second.Status, second.Fill!.Quantity.Value, second.Fill.Price.Value));

        // Cap 100, 45 left: share 45/4000 = 0.01125 → impact 0.1 × 0.0001265625 → 102 × 1.00001265625 = 102.00129... → 102.0013
        var third = Assert.Single(book.OnBar(Bar(2, 102m, 103m, 101m, 102m, volume: 4000m)));
        Assert.Equal((OrderStatus.Filled, 45m, 102.0013m), (third.Status, third.Fill!.Quantity.Value, third.Fill.Price.Value));

        // The minimum commission applies to each partial fill.
        Assert.All([first, second, third], r => Assert.Equal(Money.Of(1m), r.Fill!.Commission));
        Assert.Equal(["sim-1-1", "sim-1-2", "sim-1-3"], new[] { first, second, third }.Select(r => r.Fill!.ExecutionId));
    }

    [Fact]
    public void Volume_share_cap_is_shared_by_the_bars_orders_in_submission_order()
    {
        var book = Book(ZiplineDefaults);
        book.Submit(Market(Side.Buy, 40, "a"), Open);
        book.Submit(Market(Side.Buy, 40, "b"), Open);

        var reports = book.OnBar(Bar(0, 100m, 101m, 99m, 100m, volume: 2000m));

        // a: 40 of the 50, share 0.02 → 100 × 1.00004 = 100.004; b: the last 10, share (40 + 10)/2000 = 0.025 → 100.0063
        Assert.Equal(["a:Filled", "b:PartiallyFilled"], Statuses(reports));
        Assert.Equal((40m, 100.004m), (reports[0].Fill!.Quantity.Value, reports[0].Fill!.Price.Value));
        Assert.Equal((10m, 100.0063m), (reports[1].Fill!.Quantity.Value, reports[1].Fill!.Price.Value));
    }

    [Fact]
    public void Volume_share_sell_receives_less_than_the_open()
    {
        var book = BookWith(Market(Side.Sell, 50), ZiplineDefaults);

        // 100 × (1 − 0.0000625) = 99.99375 → 99.9938 (midpoint away from zero)
        Assert.Equal(99.9938m, FillPrice(book.OnBar(Bar(0, 100m, 101m, 99m, 100m, volume: 2000m))));
    }

    [Fact]
    public void Volume_share_fills_nothing_in_a_bar_without_volume()
    {
        var book = BookWith(Market(Side.Buy, 10), ZiplineDefaults);

        Assert.Empty(book.OnBar(Bar(0, 100m, 101m, 99m, 100m, volume: 0m)));
    }
}

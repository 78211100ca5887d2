using Meridian.Grains.MarketData.History;
using static Meridian.Grains.Tests.MarketData.History.TestSeries;

namespace Meridian.Grains.Tests.MarketData.History;

public sealed class BackAdjustmentTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    // Monday 4 to Friday 8 March 2024. A 2-for-1 split goes ex on Wednesday the 6th, a $0.50 dividend on Friday the
    // 8th. The close before the dividend is Thursday's 50, so its factor is 1 - 0.50 / 50 = 0.99.
    private static readonly BarSeries s_week = Daily(Xyz,
        ("2024-03-04", 98m, 101m, 97m, 100m, 1000m),
        ("2024-03-05", 100m, 104m, 99m, 102m, 1200m),
        ("2024-03-06", 51m, 52m, 50m, 51m, 2600m),
        ("2024-03-07", 51m, 51.5m, 50m, 50m, 2400m),
        ("2024-03-08", 49.5m, 50m, 49m, 49.75m, 2000m));

    private BarStore Week() => Store(_directory.Path, s_week, Split("2024-03-06", 2m), Dividend("2024-03-08", 0.50m));

    [Fact]
    public void A_split_then_a_dividend_scale_every_bar_before_each_ex_date()
    {
        var bars = Week().Read(Xyz, BarPeriod.Day, PriceAdjustment.All);

        // Monday and Tuesday are before both: prices x 0.99 / 2 = x 0.495, volume x 2.
        Assert.Equal([48.51m, 49.5m], bars.Open[..2].ToArray()); // 98 x 0.495, 100 x 0.495
        Assert.Equal([49.995m, 51.48m], bars.High[..2].ToArray()); // 101 x 0.495, 104 x 0.495
        Assert.Equal([48.015m, 49.005m], bars.Low[..2].ToArray()); // 97 x 0.495, 99 x 0.495
        Assert.Equal([49.5m, 50.49m], bars.Close[..2].ToArray()); // 100 x 0.495, 102 x 0.495
        Assert.Equal([2000m, 2400m], bars.Volume[..2].ToArray()); // 1000 x 2, 1200 x 2
        // Wednesday and Thursday are before the dividend only: prices x 0.99, volume unchanged.
        Assert.Equal([50.49m, 50.49m], bars.Open[2..4].ToArray()); // 51 x 0.99, 51 x 0.99
        Assert.Equal([51.48m, 50.985m], bars.High[2..4].ToArray()); // 52 x 0.99, 51.5 x 0.99
        Assert.Equal([49.5m, 49.5m], bars.Low[2..4].ToArray()); // 50 x 0.99, 50 x 0.99
        Assert.Equal([50.49m, 49.5m], bars.Close[2..4].ToArray()); // 51 x 0.99, 50 x 0.99
        Assert.Equal([2600m, 2400m], bars.Volume[2..4].ToArray());
        // Friday, the latest bar, is as traded.
        Assert.Equal((49.5m, 50m, 49m, 49.75m, 2000m), (bars.Open[4], bars.High[4], bars.Low[4], bars.Close[4], bars.Volume[4]));
    }

    [Fact]
    public void Split_adjustment_leaves_dividends_out()
    {
        var bars = Week().Read(Xyz, BarPeriod.Day, PriceAdjustment.Split);

        // Monday and Tuesday / 2, volume x 2; the rest as traded.
        Assert.Equal([49m, 50m, 51m, 51m, 49.5m], bars.Open.ToArray()); // 98 / 2, 100 / 2
        Assert.Equal([50.5m, 52m, 52m, 51.5m, 50m], bars.High.ToArray()); // 101 / 2, 104 / 2
        Assert.Equal([48.5m, 49.5m, 50m, 50m, 49m], bars.Low.ToArray()); // 97 / 2, 99 / 2
        Assert.Equal([50m, 51m, 51m, 50m, 49.75m], bars.Close.ToArray()); // 100 / 2, 102 / 2
        Assert.Equal([2000m, 2400m, 2600m, 2400m, 2000m], bars.Volume.ToArray());
    }

    [Fact]
    public void Raw_bars_are_as_traded()
    {
        var bars = Week().Read(Xyz, BarPeriod.Day, PriceAdjustment.Raw);

        Assert.Equal([100m, 102m, 51m, 50m, 49.75m], bars.Close.ToArray());
        Assert.Equal([1000m, 1200m, 2600m, 2400m, 2000m], bars.Volume.ToArray());
    }

    [Fact]
    public void A_range_read_is_adjusted_for_actions_after_it()
    {
        var monday = TradingDay.Start(Date("2024-03-04"));

        var bars = Week().Read(Xyz, BarPeriod.Day, PriceAdjustment.All, monday, monday);

        // Only Monday, still x 0.495 for the split and the dividend after it (the dividend's close, Thursday's, is outside the range).
        Assert.Equal([49.5m], bars.Close.ToArray());
    }

    [Fact]
    public void A_three_for_one_split_rounds_to_eight_decimal_places_half_away_from_zero()
    {
        var store = Store(_directory.Path, Daily(Xyz,
            ("2024-03-04", 100m, 200m, 100m, 100m, 10m),
            ("2024-03-05", 40m, 40m, 40m, 40m, 10m)), Split("2024-03-05", 3m));

        var bars = store.Read(Xyz, BarPeriod.Day, PriceAdjustment.All);

        Assert.Equal(33.33333333m, bars.Open[0]); // 100 / 3 = 33.333333333..., the ninth 3 rounds down
        Assert.Equal(66.66666667m, bars.High[0]); // 200 / 3 = 66.666666666..., the ninth 6 rounds up
        Assert.Equal(30m, bars.Volume[0]); // 10 x 3
    }

    [Fact]
    public void A_reverse_split_multiplies_earlier_prices_and_divides_their_volume()
    {
        // 1-for-10: the ratio of new shares to old is 0.1.
        var store = Store(_directory.Path, Daily(Xyz,
            ("2024-03-04", 1.5m, 1.6m, 1.4m, 1.5m, 1000m),
            ("2024-03-05", 15m, 15m, 15m, 15m, 100m)), Split("2024-03-05", 0.1m));

        var bars = store.Read(Xyz, BarPeriod.Day, PriceAdjustment.Split);

        Assert.Equal((15m, 16m, 14m, 15m), (bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0])); // 1.5 / 0.1, 1.6 / 0.1, 1.4 / 0.1
        Assert.Equal(100m, bars.Volume[0]); // 1000 x 0.1
    }

    [Fact]
    public void A_dividend_going_ex_with_a_split_is_measured_against_the_close_in_new_shares()
    {
        // The close before is 100 in old shares, 100 / 2 = 50 in new ones; the $1 is paid per new share:
        // factor 1 / 2 x (1 - 1 / 50) = 0.5 x 0.98 = 0.49.
        var store = Store(_directory.Path, Daily(Xyz,
            ("2024-03-04", 100m, 100m, 100m, 100m, 10m),
            ("2024-03-05", 49m, 49m, 49m, 49m, 20m)), Split("2024-03-05", 2m), Dividend("2024-03-05", 1m));

        var bars = store.Read(Xyz, BarPeriod.Day, PriceAdjustment.All);

        Assert.Equal(49m, bars.Close[0]); // 100 x 0.49
    }

    [Fact]
    public void Intraday_bars_before_midnight_New_York_of_the_ex_date_are_adjusted()
    {
        // 15:55 and 23:55 New York on 5 March (EST, UTC-5) are before the ex-date 6 March; 09:30 on the 6th is not.
        var store = Store(_directory.Path, Of(Xyz, TimeSpan.FromMinutes(5),
            (new DateTimeOffset(2024, 3, 5, 20, 55, 0, TimeSpan.Zero), 10m, 10m, 10m, 10m, 100m),
            (new DateTimeOffset(2024, 3, 6, 4, 55, 0, TimeSpan.Zero), 10m, 10m, 10m, 10m, 100m),
            (new DateTimeOffset(2024, 3, 6, 14, 30, 0, TimeSpan.Zero), 5m, 5m, 5m, 5m, 200m)), Split("2024-03-06", 2m));

        var bars = store.Read(Xyz, TimeSpan.FromMinutes(5), PriceAdjustment.Split);

        Assert.Equal([5m, 5m, 5m], bars.Close.ToArray()); // 10 / 2, 10 / 2, as traded
    }

    [Fact]
    public void An_action_before_the_first_bar_changes_nothing()
    {
        var store = Store(_directory.Path, Daily(Xyz, ("2024-03-04", 10m, 10m, 10m, 10m, 1m)), Split("2024-03-01", 2m), Dividend("2024-03-04", 1m));

        Assert.Equal(10m, store.Read(Xyz, BarPeriod.Day, PriceAdjustment.All).Close[0]);
    }

    [Fact]
    public void A_price_that_would_round_to_zero_is_the_smallest_unit()
    {
        var store = Store(_directory.Path, Daily(Xyz,
            ("2024-03-04", 0.00000004m, 0.00000004m, 0.00000004m, 0.00000004m, 1m),
            ("2024-03-05", 1m, 1m, 1m, 1m, 1m)), Split("2024-03-05", 10m));

        // 0.00000004 / 10 = 0.000000004 rounds to 0 at eight places; a price must stay positive.
        Assert.Equal(0.00000001m, store.Read(Xyz, BarPeriod.Day, PriceAdjustment.Split).Close[0]);
    }

    [Fact]
    public void A_dividend_as_large_as_the_close_before_it_is_refused_when_read()
    {
        var store = Store(_directory.Path, Daily(Xyz,
            ("2024-03-04", 5m, 5m, 5m, 5m, 1m),
            ("2024-03-05", 1m, 1m, 1m, 1m, 1m)), Dividend("2024-03-05", 5m));

        var error = Assert.Throws<InvalidDataException>(() => store.Read(Xyz, BarPeriod.Day, PriceAdjustment.All));

        Assert.Equal("XYZ dividend 5 going ex on 2024-03-05 is not less than the close 5 of the bar before it (2024-03-04); check the corporate actions", error.Message);
    }

    public void Dispose() => _directory.Dispose();
}

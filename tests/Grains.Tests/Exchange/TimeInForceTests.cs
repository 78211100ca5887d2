using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class TimeInForceTests
{
    private static readonly ExchangeRules TenPercentOfVolume = ExchangeRules.Default with { Slippage = new VolumeShareSlippage(0.1m, 0m) };

    [Fact]
    public void Day_order_on_daily_bars_expires_before_the_bar_after_its_first()
    {
        var book = Book();
        book.Submit(Limit(Side.Buy, 100, 90m) with { TimeInForce = TimeInForce.Day }, NewYork(4, 0, 0));

        Assert.Empty(book.OnBar(Daily(4, 100m, 101m, 95m, 99m)));
        // The low of 89 would fill the limit, but the order's session (the 4th) is over.
        var report = Assert.Single(book.OnBar(Daily(5, 99m, 100m, 89m, 92m)));

        Assert.Equal(OrderStatus.Expired, report.Status);
        Assert.Equal(NewYork(5, 0, 0), report.Time);
    }

    [Fact]
    public void Day_order_on_intraday_bars_expires_before_the_next_days_first_bar()
    {
        var book = Book();
        book.Submit(Limit(Side.Buy, 100, 90m) with { TimeInForce = TimeInForce.Day }, NewYork(4, 15, 50));

        Assert.Empty(book.OnBar(BarAt(NewYork(4, 15, 50), 100m, 101m, 95m, 99m)));
        Assert.Empty(book.OnBar(BarAt(NewYork(4, 15, 55), 99m, 100m, 95m, 96m)));

        Assert.Equal(["o1:Expired"], Statuses(book.OnBar(BarAt(NewYork(5, 9, 30), 95m, 96m, 89m, 92m))));
    }

    [Fact]
    public void Day_order_expires_before_a_bar_opening_at_the_session_close()
    {
        var book = Book();
        book.Submit(Limit(Side.Buy, 100, 90m) with { TimeInForce = TimeInForce.Day }, NewYork(4, 15, 0));

        Assert.Equal(["o1:Expired"], Statuses(book.OnBar(BarAt(NewYork(4, 16, 0), 95m, 96m, 89m, 92m))));
    }

    [Fact]
    public void Day_order_accepted_after_the_close_works_in_the_next_session()
    {
        var book = Book();
        book.Submit(Limit(Side.Buy, 100, 90m) with { TimeInForce = TimeInForce.Day }, NewYork(4, 17, 0));

        Assert.Equal(90m, FillPrice(book.OnBar(BarAt(NewYork(5, 9, 30), 95m, 96m, 89m, 92m))));
    }

    [Fact]
    public void Day_order_accepted_on_friday_evening_works_on_monday_across_the_daylight_saving_change()
    {
        var book = Book();
        book.Submit(Limit(Side.Buy, 100, 90m) with { TimeInForce = TimeInForce.Day }, NewYork(8, 17, 0));

        // Monday 11 March 09:30 EDT (13:30Z): the session closes 16:00 EDT, so the order still works.
        Assert.Equal(90m, FillPrice(book.OnBar(BarAt(NewYork(11, 9, 30), 95m, 96m, 89m, 92m))));
    }

    [Fact]
    public void Gtc_order_works_across_sessions()
    {
        var book = Book();
        book.Submit(Limit(Side.Buy, 100, 90m), NewYork(4, 0, 0));

        Assert.Empty(book.OnBar(Daily(4, 100m, 101m, 95m, 99m)));
        Assert.Empty(book.OnBar(Daily(5, 99m, 100m, 94m, 95m)));
        Assert.Equal(90m, FillPrice(book.OnBar(Daily(6, 95m, 96m, 89m, 92m))));
    }

    [Fact]
    public void Ioc_fills_what_the_bar_allows_and_cancels_the_rest()
    {
        var book = BookWith(Market(Side.Buy, 80) with { TimeInForce = TimeInForce.Ioc }, TenPercentOfVolume);

        var reports = book.OnBar(Bar(0, 100m, 101m, 99m, 100m, volume: 500m));

        Assert.Equal(["o1:PartiallyFilled", "o1:Canceled"], Statuses(reports));
        Assert.Equal(Q(50), reports[0].Fill!.Quantity);
        Assert.Contains("30 unfilled", reports[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ioc_limit_not_reached_in_its_first_bar_is_canceled()
    {
        var book = BookWith(Limit(Side.Buy, 100, 90m) with { TimeInForce = TimeInForce.Ioc });

        Assert.Equal(["o1:Canceled"], Statuses(book.OnBar(Bar(0, 100m, 101m, 99m, 100m))));
    }

    [Fact]
    public void Fok_that_cannot_fill_completely_is_canceled_without_a_fill_and_takes_no_volume()
    {
        var book = Book(TenPercentOfVolume);
        book.Submit(Market(Side.Buy, 80, "fok") with { TimeInForce = TimeInForce.Fok }, Open);
        book.Submit(Market(Side.Buy, 50, "next"), Open);

        var reports = book.OnBar(Bar(0, 100m, 101m, 99m, 100m, volume: 500m));

        // Capacity is 50: the fok order would get only 50 of 80, so it is killed, and the next order gets all 50.
        Assert.Equal(["fok:Canceled", "next:Filled"], Statuses(reports));
        Assert.Equal(Q(50), reports[1].Fill!.Quantity);
    }

    [Fact]
    public void Fok_that_can_fill_completely_fills()
    {
        var book = BookWith(Market(Side.Buy, 50) with { TimeInForce = TimeInForce.Fok }, TenPercentOfVolume);

        var report = Assert.Single(book.OnBar(Bar(0, 100m, 101m, 99m, 100m, volume: 500m)));

        Assert.Equal((OrderStatus.Filled, 50m), (report.Status, report.Fill!.Quantity.Value));
    }

    [Fact]
    public void Opg_market_order_fills_at_the_open_of_its_first_bar()
    {
        var book = Book();
        book.Submit(Market(Side.Buy, 100) with { TimeInForce = TimeInForce.Opg }, NewYork(4, 9, 0));

        Assert.Equal(100m, FillPrice(book.OnBar(Bar(0, 100m, 101m, 98m, 100.5m))));
    }

    [Fact]
    public void Opg_limit_order_not_satisfied_at_the_open_expires_even_if_the_bar_later_reaches_it()
    {
        var book = BookWith(Limit(Side.Buy, 100, 99m) with { TimeInForce = TimeInForce.Opg });

        Assert.Equal(["o1:Expired"], Statuses(book.OnBar(Bar(0, 100m, 101m, 98m, 100.5m))));
    }

    [Fact]
    public void Cls_market_order_fills_at_the_close_of_the_sessions_last_bar()
    {
        var book = Book();
        book.Submit(Market(Side.Sell, 100) with { TimeInForce = TimeInForce.Cls }, NewYork(4, 10, 0));

        Assert.Empty(book.OnBar(BarAt(NewYork(4, 15, 50), 100m, 101m, 99m, 100.5m)));
        var report = Assert.Single(book.OnBar(BarAt(NewYork(4, 15, 55), 100.5m, 101.5m, 100m, 101.2m)));

        Assert.Equal((OrderStatus.Filled, 101.2m), (report.Status, report.Fill!.Price.Value));
        Assert.Equal(NewYork(4, 15, 55), report.Fill.Time);
    }

    [Fact]
    public void Cls_market_order_on_daily_bars_fills_at_the_close_of_its_first_bar()
    {
        var book = Book();
        book.Submit(Market(Side.Buy, 100) with { TimeInForce = TimeInForce.Cls }, NewYork(4, 0, 0));

        Assert.Equal(99m, FillPrice(book.OnBar(Daily(4, 100m, 101m, 95m, 99m))));
    }

    [Fact]
    public void Cls_limit_order_not_satisfied_at_the_close_expires()
    {
        var book = Book();
        book.Submit(Limit(Side.Buy, 100, 98m) with { TimeInForce = TimeInForce.Cls }, NewYork(4, 0, 0));

        // The low of 95 reached the limit during the day, but only the close counts.
        Assert.Equal(["o1:Expired"], Statuses(book.OnBar(Daily(4, 100m, 101m, 95m, 99m))));
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.Risk;
using static Meridian.Grains.Tests.Risk.RiskFixture;

namespace Meridian.Grains.Tests.Risk;

/// <summary>
/// The rules every order passes, reducing or not: submit rate, open orders, quantity, valuation, price collar, notional
/// and short selling. Each is checked at its limit (approved) and just beyond it (denied). The account holds 1,000,000
/// in cash unless a test says otherwise, so buying power never decides these.
/// </summary>
public sealed class OrderRulesTests
{
    private static readonly RiskLimits ThreePerSecond = new() { MaxOrdersPerSecond = 3 };

    [Fact]
    public void Third_submission_within_a_second_is_approved_at_a_limit_of_three()
    {
        var rate = new SubmitRateWindow(3);
        rate.Record(Now.AddMilliseconds(-900));
        rate.Record(Now.AddMilliseconds(-10));

        Assert.Null(Check(Buy(1m), Account(), ThreePerSecond, rate));
    }

    [Fact]
    public void Fourth_submission_within_a_second_is_denied_at_a_limit_of_three()
    {
        var rate = new SubmitRateWindow(3);
        rate.Record(Now.AddMilliseconds(-999));
        rate.Record(Now.AddMilliseconds(-500));
        rate.Record(Now);

        var denial = Denied(Check(Buy(1m), Account(), ThreePerSecond, rate), RiskDenialCode.SubmitRateExceeded);

        Assert.Equal("3 orders were submitted in the last second; another would exceed the limit of 3 per second (risk.max_orders_per_second)", denial.Message);
    }

    [Fact]
    public void Submissions_exactly_one_second_old_no_longer_count_toward_the_rate()
    {
        var rate = new SubmitRateWindow(3);
        for (var i = 0; i < 3; i++)
            rate.Record(Now.AddSeconds(-1));

        Assert.Null(Check(Buy(1m), Account(), ThreePerSecond, rate));
    }

    [Fact]
    public void Rate_window_smaller_than_the_rate_limit_is_a_caller_error()
    {
        var error = Assert.Throws<ArgumentException>(() => Check(Buy(1m), Account(), ThreePerSecond, new SubmitRateWindow(2)));

        Assert.Contains("holds 2 submissions but risk.max_orders_per_second is 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tenth_open_order_is_approved_at_a_limit_of_ten()
    {
        var account = Account();
        account.OpenOrderCount = 9;

        Assert.Null(Check(Buy(1m), account, new RiskLimits { MaxOpenOrders = 10 }));
    }

    [Fact]
    public void Eleventh_open_order_is_denied_at_a_limit_of_ten()
    {
        var account = Account();
        account.OpenOrderCount = 10;

        var denial = Denied(Check(Buy(1m), account, new RiskLimits { MaxOpenOrders = 10 }), RiskDenialCode.OpenOrdersExceedMax);

        Assert.Equal("10 orders are open; another would exceed the limit of 10 open orders (risk.max_open_orders)", denial.Message);
    }

    [Fact]
    public void Order_quantity_at_the_limit_is_approved() =>
        Assert.Null(Check(Buy(1000m), Account(), new RiskLimits { MaxOrderQuantity = 1000m }));

    [Fact]
    public void Order_quantity_one_unit_beyond_the_limit_is_denied()
    {
        var denial = Denied(Check(Buy(1001m), Account(), new RiskLimits { MaxOrderQuantity = 1000m }), RiskDenialCode.QuantityExceedsMaxPerOrder);

        Assert.Equal("order quantity 1001 exceeds the per-order limit 1000 (risk.max_order_quantity)", denial.Message);
    }

    [Fact]
    public void Market_order_without_a_last_price_cannot_be_valued()
    {
        var denial = Denied(Check(Buy(10m, symbol: Msft), Account(), RiskLimits.None), RiskDenialCode.NoPriceToValueOrder);

        Assert.Contains("cannot value buy 10 MSFT", denial.Message, StringComparison.Ordinal);
        Assert.Contains("no last price has been seen for MSFT", denial.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100.00, true)]   // 10 x 100.00 = 1000.00, the limit
    [InlineData(100.01, false)]  // 10 x 100.01 = 1000.10
    public void Market_order_is_valued_at_the_last_price(decimal last, bool approved)
    {
        var denial = Check(Buy(10m), Account().Price(Aapl, last), new RiskLimits { MaxOrderNotional = 1000m });

        Assert.Equal(approved, denial is null);
    }

    [Theory]
    [InlineData(50.00, true)]   // 10 x 50.00 = 500.00, the limit
    [InlineData(50.01, false)]  // 10 x 50.01 = 500.10
    public void Limit_order_without_a_last_price_is_valued_at_its_limit(decimal limit, bool approved)
    {
        var denial = Check(Buy(10m, limit, Msft), Account(), new RiskLimits { MaxOrderNotional = 500m, PriceCollar = 0.1m });

        Assert.Equal(approved, denial is null);
    }

    [Theory]
    [InlineData(90.00, true)]   // 10 x 90.00 = 900.00, the limit
    [InlineData(90.01, false)]  // 10 x 90.01 = 900.10
    public void Stop_order_is_valued_at_its_stop_price(decimal stop, bool approved)
    {
        var account = Account().Hold(Aapl, 1000m);

        var denial = Check(Stop(Side.Sell, 10m, stop), account, new RiskLimits { MaxOrderNotional = 900m });

        Assert.Equal(approved, denial is null);
    }

    [Theory]
    [InlineData(102.00, true)]   // 10 x 102.00 = 1020.00, the limit; the stop at 101 is not what it trades at
    [InlineData(102.01, false)]  // 10 x 102.01 = 1020.10
    public void Stop_limit_order_is_valued_at_its_limit_price(decimal limit, bool approved)
    {
        var denial = Check(Stop(Side.Buy, 10m, stop: 101m, limit), Account(), new RiskLimits { MaxOrderNotional = 1020m });

        Assert.Equal(approved, denial is null);
    }

    [Theory]
    [InlineData(110.00, true)]   // 100 + 0.1 x 100
    [InlineData(110.01, false)]
    [InlineData(90.00, true)]    // 100 - 0.1 x 100
    [InlineData(89.99, false)]
    public void Limit_price_must_be_within_the_collar_around_the_last_price(decimal limit, bool approved)
    {
        var denial = Check(Buy(1m, limit), Account(), new RiskLimits { PriceCollar = 0.1m });

        if (approved)
            Assert.Null(denial);
        else
            Denied(denial, RiskDenialCode.PriceOutsideCollar);
    }

    [Fact]
    public void Collar_denial_names_the_band_and_the_last_price()
    {
        var denial = Denied(Check(Buy(1m, 110.01m), Account(), new RiskLimits { PriceCollar = 0.1m }), RiskDenialCode.PriceOutsideCollar);

        Assert.Equal("limit price 110.01 is outside the price collar 90 to 110 (within 0.1 of the last price 100, risk.price_collar)", denial.Message);
    }

    [Theory]
    [InlineData(110.00, true)]
    [InlineData(110.01, false)]
    public void Stop_price_must_be_within_the_collar_too(decimal stop, bool approved)
    {
        var denial = Check(Stop(Side.Buy, 1m, stop), Account(), new RiskLimits { PriceCollar = 0.1m });

        if (approved)
            Assert.Null(denial);
        else
            Assert.StartsWith("stop price 110.01 is outside", Denied(denial, RiskDenialCode.PriceOutsideCollar).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collar_is_skipped_when_there_is_no_last_price() =>
        Assert.Null(Check(Buy(1m, 1000m, Msft), Account(), new RiskLimits { PriceCollar = 0.1m }));

    [Fact]
    public void Order_notional_at_the_limit_is_approved() =>
        Assert.Null(Check(Buy(1m, 100_000m), Account(), new RiskLimits { MaxOrderNotional = 100_000m }));

    [Fact]
    public void Order_notional_one_cent_beyond_the_limit_is_denied() =>
        Denied(Check(Buy(1m, 100_000.01m), Account(), new RiskLimits { MaxOrderNotional = 100_000m }), RiskDenialCode.NotionalExceedsMaxPerOrder);

    [Fact]
    public void Notional_denial_names_the_notional_the_limit_and_the_setting()
    {
        var denial = Denied(Check(Buy(1200m), Account(), new RiskLimits { MaxOrderNotional = 100_000m }), RiskDenialCode.NotionalExceedsMaxPerOrder);

        Assert.Equal("order notional 120000 exceeds the per-order limit 100000 (risk.max_order_notional): 1200 AAPL at 100", denial.Message);
        Assert.Equal("NOTIONAL_EXCEEDS_MAX_PER_ORDER", denial.CodeName);
    }

    [Fact]
    public void Sell_down_to_zero_counting_open_sells_is_approved_without_short_selling()
    {
        var account = Account().Hold(Aapl, 100m).Open(Aapl, Side.Sell, 40m, 100m);

        Assert.Null(Check(Sell(60m), account, RiskLimits.None)); // 100 - 40 - 60 = 0
    }

    [Fact]
    public void Sell_one_unit_below_zero_counting_open_sells_is_denied_without_short_selling()
    {
        var account = Account().Hold(Aapl, 100m).Open(Aapl, Side.Sell, 40m, 100m);

        var denial = Denied(Check(Sell(61m), account, RiskLimits.None), RiskDenialCode.ShortSellingNotAllowed);

        Assert.Equal(
            "sell 61 AAPL would take the position below zero (position 100 - open sells 40 - 61 = -1) and short selling is not allowed (risk.allow_short_selling)",
            denial.Message);
    }

    [Fact]
    public void Sell_from_flat_is_approved_when_short_selling_is_allowed() =>
        Assert.Null(Check(Sell(1m), Account(), new RiskLimits { AllowShortSelling = true }));
}

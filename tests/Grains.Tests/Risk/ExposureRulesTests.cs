using Meridian.Grains.Domain;
using Meridian.Grains.Risk;
using static Meridian.Grains.Tests.Risk.RiskFixture;

namespace Meridian.Grains.Tests.Risk;

/// <summary>
/// The rules only an exposure-increasing order passes: positive equity, position notional, concentration, gross and net
/// exposure, buying power. Each at its limit (approved) and one unit beyond (denied). AAPL's last price is 100, and
/// every account's equity, exposures and buying power are worked out in the test.
/// </summary>
public sealed class ExposureRulesTests
{
    [Fact]
    public void Buy_with_zero_equity_is_denied()
    {
        var denial = Denied(Check(Buy(1m), Account(cash: 0m), RiskLimits.None), RiskDenialCode.InsufficientBuyingPower);

        Assert.StartsWith("equity 0 is not positive, so buy 1 AAPL may not add exposure", denial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Buy_within_buying_power_is_approved_with_one_cent_of_equity() =>
        Assert.Null(Check(Buy(0.0001m), Account(cash: 0.01m), RiskLimits.None)); // 0.0001 x 100 = 0.01 = buying power

    [Fact]
    public void Sell_closing_a_position_is_approved_with_negative_equity()
    {
        var account = Account(cash: -15_000m).Hold(Aapl, 100m); // equity -15000 + 10000 = -5000

        Assert.Null(Check(Sell(100m), account, RiskLimits.None));
    }

    [Fact]
    public void Position_notional_at_the_limit_counting_open_buys_is_approved()
    {
        var account = Account().Hold(Aapl, 300m).Open(Aapl, Side.Buy, 100m, 100m);

        Assert.Null(Check(Buy(100m), account, new RiskLimits { MaxPositionNotional = 50_000m })); // (300 + 100 + 100) x 100 = 50000
    }

    [Fact]
    public void Position_notional_one_unit_beyond_the_limit_counting_open_buys_is_denied()
    {
        var account = Account().Hold(Aapl, 300m).Open(Aapl, Side.Buy, 100m, 100m);

        var denial = Denied(Check(Buy(101m), account, new RiskLimits { MaxPositionNotional = 50_000m }), RiskDenialCode.PositionNotionalExceedsMax);

        Assert.Equal("position in AAPL after this order and open buys would be 501 x 100 = 50100, above the limit 50000 (risk.max_position_notional)", denial.Message);
    }

    [Fact]
    public void Open_orders_on_the_other_side_do_not_count_toward_the_position()
    {
        var account = Account().Hold(Aapl, 300m).Open(Aapl, Side.Sell, 200m, 100m);

        Assert.Null(Check(Buy(200m), account, new RiskLimits { MaxPositionNotional = 50_000m })); // (300 + 200) x 100 = 50000
    }

    [Theory]
    [InlineData(100, true)]   // |-300 - 100 - 100| x 100 = 50000
    [InlineData(101, false)]  // |-300 - 100 - 101| x 100 = 50100
    public void Short_position_notional_counts_open_sells(decimal quantity, bool approved)
    {
        var account = Account().Hold(Aapl, -300m).Open(Aapl, Side.Sell, 100m, 100m);

        var denial = Check(Sell(quantity), account, new RiskLimits { MaxPositionNotional = 50_000m, AllowShortSelling = true, MarginMultiplier = 2m });

        if (approved)
            Assert.Null(denial);
        else
            Denied(denial, RiskDenialCode.PositionNotionalExceedsMax);
    }

    [Fact]
    public void Concentration_at_the_limit_is_approved()
    {
        var account = Account(cash: 160_000m).Hold(Aapl, 400m); // equity 200000; 0.25 of it is 50000

        Assert.Null(Check(Buy(100m), account, new RiskLimits { MaxConcentration = 0.25m })); // (400 + 100) x 100 = 50000
    }

    [Fact]
    public void Concentration_one_unit_beyond_the_limit_is_denied()
    {
        var account = Account(cash: 160_000m).Hold(Aapl, 400m);

        var denial = Denied(Check(Buy(101m), account, new RiskLimits { MaxConcentration = 0.25m }), RiskDenialCode.ConcentrationExceedsMax);

        Assert.Equal("position in AAPL after this order and open buys would be worth 50100, above 0.25 of equity 200000 = 50000 (risk.max_concentration)", denial.Message);
    }

    [Theory]
    [InlineData(500, true)]   // 100000 + 500 x 100 = 150000 = 1.5 x 100000
    [InlineData(501, false)]  // 150100
    public void Gross_exposure_is_limited_to_a_multiple_of_equity(decimal quantity, bool approved)
    {
        // Equity 0 + 1000 x 100 = 100000; buying power 2 x 100000 - 100000 = 100000, enough either way.
        var account = Account(cash: 0m).Hold(Aapl, 1000m);

        var denial = Check(Buy(quantity), account, new RiskLimits { MaxGrossExposure = 1.5m, MarginMultiplier = 2m });

        if (approved)
            Assert.Null(denial);
        else
            Assert.Equal(
                "gross exposure after this order would be 150100, above 1.5 x equity 100000 = 150000 (risk.max_gross_exposure)",
                Denied(denial, RiskDenialCode.GrossExposureExceedsMax).Message);
    }

    [Theory]
    [InlineData(2000, true)]   // long 1000 to short 1000: gross stays 100000 = 1 x equity
    [InlineData(2001, false)]  // short 1001: gross 100100
    public void Flip_changes_gross_exposure_by_the_change_in_absolute_position(decimal quantity, bool approved)
    {
        // Buying power 2 x 100000 - 100000 = 100000 covers the opening short of 1000 x 100 exactly.
        var account = Account(cash: 0m).Hold(Aapl, 1000m);
        var limits = new RiskLimits { MaxGrossExposure = 1m, MarginMultiplier = 2m, AllowShortSelling = true };

        var denial = Check(Sell(quantity), account, limits);

        if (approved)
            Assert.Null(denial);
        else
            Denied(denial, RiskDenialCode.GrossExposureExceedsMax);
    }

    [Theory]
    [InlineData(400, true)]   // 60000 + 40000 = 100000 = 1 x equity; buying power 100000 - 60000 = 40000 exactly
    [InlineData(401, false)]  // 100100
    public void Net_long_exposure_is_limited_to_a_multiple_of_equity(decimal quantity, bool approved)
    {
        var account = Account(cash: 40_000m).Hold(Aapl, 600m); // equity 100000, net 60000

        var denial = Check(Buy(quantity), account, new RiskLimits { MaxNetExposure = 1m });

        if (approved)
            Assert.Null(denial);
        else
            Denied(denial, RiskDenialCode.NetExposureExceedsMax);
    }

    [Theory]
    [InlineData(400, true)]   // -60000 - 40000 = -100000, size 100000 = 1 x equity
    [InlineData(401, false)]  // -100100
    public void Net_short_exposure_is_limited_by_its_size(decimal quantity, bool approved)
    {
        var account = Account(cash: 160_000m).Hold(Aapl, -600m); // equity 160000 - 60000 = 100000, net -60000
        var limits = new RiskLimits { MaxNetExposure = 1m, AllowShortSelling = true, MarginMultiplier = 2m };

        var denial = Check(Sell(quantity), account, limits);

        if (approved)
            Assert.Null(denial);
        else
            Assert.Equal(
                "net exposure after this order would be -100100; its size exceeds 1 x equity 100000 = 100000 (risk.max_net_exposure)",
                Denied(denial, RiskDenialCode.NetExposureExceedsMax).Message);
    }

    [Fact]
    public void Cash_account_buying_power_is_cash_less_open_buys()
    {
        // Cash 40000 and 600 AAPL: equity 100000, gross 60000; an open buy of 100 at 100 reserves 10000.
        // Buying power 1 x 100000 - 60000 - 10000 = 30000 = cash 40000 - 10000.
        var account = Account(cash: 40_000m).Hold(Aapl, 600m).Open(Aapl, Side.Buy, 100m, 100m);

        Assert.Null(Check(Buy(300m), account, RiskLimits.None));
        var denial = Denied(Check(Buy(301m), account, RiskLimits.None), RiskDenialCode.InsufficientBuyingPower);
        Assert.Equal(
            "order adds exposure 301 x 100 = 30100, above buying power 30000 = equity 100000 x 1 (risk.margin_multiplier) - gross exposure 60000 - open buys 10000",
            denial.Message);
    }

    [Theory]
    [InlineData(500, true)]   // buying power 2 x 100000 - 150000 = 50000 = 500 x 100
    [InlineData(501, false)]
    public void Margin_account_buying_power_is_a_multiple_of_equity_less_gross_exposure(decimal quantity, bool approved)
    {
        var account = Account(cash: -50_000m).Hold(Aapl, 1500m); // equity -50000 + 150000 = 100000, gross 150000

        var denial = Check(Buy(quantity), account, new RiskLimits { MarginMultiplier = 2m });

        if (approved)
            Assert.Null(denial);
        else
            Denied(denial, RiskDenialCode.InsufficientBuyingPower);
    }

    [Theory]
    [InlineData(1500, true)]   // closes 1000, opens a short of 500 x 100 = 50000 = buying power 1.5 x 100000 - 100000
    [InlineData(1501, false)]  // opens 501 x 100 = 50100
    public void Flip_needs_buying_power_only_for_the_part_beyond_the_position(decimal quantity, bool approved)
    {
        var account = Account(cash: 0m).Hold(Aapl, 1000m); // equity 100000, gross 100000
        var limits = new RiskLimits { MarginMultiplier = 1.5m, AllowShortSelling = true };

        var denial = Check(Sell(quantity), account, limits);

        if (approved)
            Assert.Null(denial);
        else
            Denied(denial, RiskDenialCode.InsufficientBuyingPower);
    }

    [Theory]
    [InlineData(1000, true)]   // 1000 x 100 = 100000 = buying power of a cash account with 100000
    [InlineData(1001, false)]
    public void Short_sale_needs_buying_power(decimal quantity, bool approved)
    {
        var denial = Check(Sell(quantity), Account(cash: 100_000m), new RiskLimits { AllowShortSelling = true });

        if (approved)
            Assert.Null(denial);
        else
            Denied(denial, RiskDenialCode.InsufficientBuyingPower);
    }

    [Fact]
    public void Reducing_order_skips_every_exposure_rule()
    {
        // Equity 100000 and 1000 AAPL worth 100000: every exposure limit below is already exceeded and buying power is 0.
        var account = Account(cash: 0m).Hold(Aapl, 1000m);
        var limits = new RiskLimits { MaxPositionNotional = 50_000m, MaxConcentration = 0.1m, MaxGrossExposure = 0.5m, MaxNetExposure = 0.5m };

        Assert.Null(Check(Sell(500m), account, limits));
        Denied(Check(Buy(1m), account, limits), RiskDenialCode.PositionNotionalExceedsMax);
    }

    [Fact]
    public void Reducing_order_still_passes_the_per_order_rules()
    {
        var account = Account().Hold(Aapl, 1000m);

        Denied(Check(Sell(500m), account, new RiskLimits { MaxOrderQuantity = 499m }), RiskDenialCode.QuantityExceedsMaxPerOrder);
        Denied(Check(Sell(500m), account, new RiskLimits { MaxOrderNotional = 49_999.99m }), RiskDenialCode.NotionalExceedsMaxPerOrder);
        Denied(Check(Sell(500m, 89.99m), account, new RiskLimits { PriceCollar = 0.1m }), RiskDenialCode.PriceOutsideCollar);
    }
}

using Meridian.Grains.Domain;
using Meridian.Grains.Risk;
using static Meridian.Grains.Tests.Risk.RiskFixture;

namespace Meridian.Grains.Tests.Risk;

/// <summary>When an order breaks several rules, the first in the documented order is the denial; approving allocates nothing.</summary>
public sealed class RuleOrderTests
{
    [Fact]
    public void Halted_state_is_reported_before_the_submit_rate()
    {
        var account = Account();
        account.TradingState = TradingState.Halted;
        var rate = new SubmitRateWindow(1);
        rate.Record(Now);

        Denied(Check(Buy(1m), account, new RiskLimits { MaxOrdersPerSecond = 1 }, rate), RiskDenialCode.TradingHalted);
    }

    [Fact]
    public void Quantity_is_reported_before_notional()
    {
        var limits = new RiskLimits { MaxOrderQuantity = 1000m, MaxOrderNotional = 100_000m };

        Denied(Check(Buy(1001m), Account(), limits), RiskDenialCode.QuantityExceedsMaxPerOrder); // 100100 breaks both
    }

    [Fact]
    public void Short_selling_is_reported_before_position_notional()
    {
        var limits = new RiskLimits { MaxPositionNotional = 50_000m };

        Denied(Check(Sell(600m), Account(), limits), RiskDenialCode.ShortSellingNotAllowed); // -600 x 100 breaks both
    }

    [Fact]
    public void Non_positive_equity_is_reported_before_the_exposure_limits()
    {
        var limits = new RiskLimits { MaxPositionNotional = 1m };

        var denial = Denied(Check(Buy(1m), Account(cash: -1m), limits), RiskDenialCode.InsufficientBuyingPower);

        Assert.StartsWith("equity -1 is not positive", denial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Position_notional_is_reported_before_buying_power()
    {
        var limits = new RiskLimits { MaxPositionNotional = 50_000m };

        Denied(Check(Buy(600m), Account(cash: 1_000m), limits), RiskDenialCode.PositionNotionalExceedsMax); // 60000 breaks both
    }

    [Fact]
    public void Approving_an_order_allocates_nothing()
    {
        var account = Account(cash: 500_000m).Hold(Aapl, 1000m).Open(Aapl, Side.Buy, 10m, 99m);
        var limits = new RiskLimits
        {
            MaxOrderQuantity = 1000m, MaxOrderNotional = 100_000m, MaxPositionNotional = 200_000m, MaxGrossExposure = 2m,
            MaxNetExposure = 2m, MaxConcentration = 0.5m, MaxOpenOrders = 10, MaxOrdersPerSecond = 5, PriceCollar = 0.1m,
            MarginMultiplier = 2m,
        };
        var rate = new SubmitRateWindow(5);
        var order = Buy(100m, 101m);
        Assert.Null(PreTradeRiskCheck.Check(order, account, limits, rate, Now)); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            PreTradeRiskCheck.Check(order, account, limits, rate, Now);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

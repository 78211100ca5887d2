using Meridian.Grains.Risk;
using static Meridian.Grains.Tests.Risk.RiskFixture;

namespace Meridian.Grains.Tests.Risk;

/// <summary>The kill switch: HALTED denies everything but a reducing liquidation; REDUCING allows only reducing orders.</summary>
public sealed class TradingStateRulesTests
{
    private static readonly RiskLimits ShortsAllowed = new() { AllowShortSelling = true };

    [Fact]
    public void Halted_portfolio_denies_a_new_order()
    {
        var account = Account();
        account.TradingState = TradingState.Halted;

        var denial = Denied(Check(Buy(10m), account, RiskLimits.None), RiskDenialCode.TradingHalted);

        Assert.StartsWith("trading is halted: buy 10 AAPL denied", denial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Halted_portfolio_denies_a_reducing_order_that_is_not_a_liquidation()
    {
        var account = Account().Hold(Aapl, 100m);
        account.TradingState = TradingState.Halted;

        Denied(Check(Sell(100m), account, RiskLimits.None), RiskDenialCode.TradingHalted);
    }

    [Fact]
    public void Halted_portfolio_allows_a_liquidation_order_that_closes_the_position()
    {
        var account = Account().Hold(Aapl, 100m);
        account.TradingState = TradingState.Halted;

        Assert.Null(Check(Sell(100m), account, RiskLimits.None, liquidation: true));
    }

    [Fact]
    public void Halted_portfolio_allows_a_liquidation_order_that_covers_a_short()
    {
        var account = Account().Hold(Aapl, -100m);
        account.TradingState = TradingState.Halted;

        Assert.Null(Check(Buy(100m), account, RiskLimits.None, liquidation: true));
    }

    [Fact]
    public void Halted_portfolio_denies_a_liquidation_order_one_unit_beyond_the_position()
    {
        var account = Account().Hold(Aapl, 100m);
        account.TradingState = TradingState.Halted;

        var denial = Denied(Check(Sell(101m), account, ShortsAllowed, liquidation: true), RiskDenialCode.TradingHalted);

        Assert.Contains("sell 101 AAPL against a long position of 100 AAPL does not", denial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Liquidation_order_that_reduces_is_not_held_back_by_the_per_order_limits()
    {
        var account = Account().Hold(Aapl, 100m);
        account.TradingState = TradingState.Halted;

        Assert.Null(Check(Sell(100m), account, new RiskLimits { MaxOrderQuantity = 99m, MaxOrderNotional = 1m }, liquidation: true));
    }

    [Fact]
    public void The_same_reducing_order_without_the_liquidation_flag_meets_the_per_order_limits()
    {
        var account = Account().Hold(Aapl, 100m);

        Denied(Check(Sell(100m), account, new RiskLimits { MaxOrderQuantity = 99m }), RiskDenialCode.QuantityExceedsMaxPerOrder);
    }

    [Fact]
    public void Reducing_portfolio_allows_a_sell_of_the_whole_long_position()
    {
        var account = Account().Hold(Aapl, 100m);
        account.TradingState = TradingState.Reducing;

        Assert.Null(Check(Sell(100m), account, RiskLimits.None));
    }

    [Fact]
    public void Reducing_portfolio_allows_a_buy_covering_part_of_a_short()
    {
        var account = Account().Hold(Aapl, -100m);
        account.TradingState = TradingState.Reducing;

        Assert.Null(Check(Buy(40m), account, RiskLimits.None));
    }

    [Fact]
    public void Reducing_portfolio_denies_a_sell_one_unit_beyond_the_position()
    {
        var account = Account().Hold(Aapl, 100m);
        account.TradingState = TradingState.Reducing;

        var denial = Denied(Check(Sell(101m), account, ShortsAllowed), RiskDenialCode.ReducingOnly);

        Assert.Equal(
            "the portfolio is reducing only: sell 101 AAPL against a long position of 100 AAPL would not reduce it; only an order against a position, for at most its size, is allowed",
            denial.Message);
    }

    [Fact]
    public void Reducing_portfolio_denies_adding_to_a_position()
    {
        var account = Account().Hold(Aapl, 100m);
        account.TradingState = TradingState.Reducing;

        Denied(Check(Buy(1m), account, RiskLimits.None), RiskDenialCode.ReducingOnly);
    }

    [Fact]
    public void Reducing_portfolio_denies_any_order_in_a_flat_symbol()
    {
        var account = Account();
        account.TradingState = TradingState.Reducing;

        var denial = Denied(Check(Buy(1m), account, RiskLimits.None), RiskDenialCode.ReducingOnly);

        Assert.Contains("against no position in AAPL", denial.Message, StringComparison.Ordinal);
    }
}

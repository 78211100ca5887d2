using Meridian.Grains.Risk;

namespace Meridian.Grains.Tests.Risk;

/// <summary>The state-enforced limits trigger at equality: a daily loss of the limit halts; a drawdown of the limit switches to reducing.</summary>
public sealed class RiskBreachesTests
{
    private static readonly RiskLimits Limits = new() { DailyLossLimit = 5_000m, MaxDrawdown = 0.2m };

    [Fact]
    public void Daily_loss_at_the_limit_halts_trading()
    {
        var breach = RiskBreaches.Evaluate(dayPnl: -5_000m, drawdown: 0m, Limits, TradingState.Active);

        Assert.Equal(new RiskBreach(RiskBreachKind.DailyLossLimit, TradingState.Halted, -5_000m, 5_000m,
            "day P&L -5000 reached the daily loss limit 5000 (risk.daily_loss_limit): trading is halted"), breach);
    }

    [Fact]
    public void Daily_loss_one_cent_short_of_the_limit_is_no_breach() =>
        Assert.Null(RiskBreaches.Evaluate(dayPnl: -4_999.99m, drawdown: 0m, Limits, TradingState.Active));

    [Fact]
    public void Daily_profit_is_no_breach() =>
        Assert.Null(RiskBreaches.Evaluate(dayPnl: 10_000m, drawdown: 0m, Limits, TradingState.Active));

    [Fact]
    public void Drawdown_at_the_limit_switches_to_reducing()
    {
        var breach = RiskBreaches.Evaluate(dayPnl: 0m, drawdown: 0.2m, Limits, TradingState.Active);

        Assert.Equal(new RiskBreach(RiskBreachKind.MaxDrawdown, TradingState.Reducing, 0.2m, 0.2m,
            "drawdown 0.2 from the high-water mark reached the limit 0.2 (risk.max_drawdown): only orders that reduce a position are allowed"), breach);
    }

    [Fact]
    public void Drawdown_just_short_of_the_limit_is_no_breach() =>
        Assert.Null(RiskBreaches.Evaluate(dayPnl: 0m, drawdown: 0.1999m, Limits, TradingState.Active));

    [Fact]
    public void Both_breached_halts_trading()
    {
        var breach = RiskBreaches.Evaluate(dayPnl: -6_000m, drawdown: 0.3m, Limits, TradingState.Active);

        Assert.Equal((RiskBreachKind.DailyLossLimit, TradingState.Halted), (breach?.Kind, breach?.NewState));
    }

    [Fact]
    public void Halted_portfolio_moves_nowhere() =>
        Assert.Null(RiskBreaches.Evaluate(dayPnl: -6_000m, drawdown: 0.3m, Limits, TradingState.Halted));

    [Fact]
    public void Reducing_portfolio_stays_reducing_on_a_drawdown_breach() =>
        Assert.Null(RiskBreaches.Evaluate(dayPnl: 0m, drawdown: 0.3m, Limits, TradingState.Reducing));

    [Fact]
    public void Reducing_portfolio_halts_on_a_daily_loss_breach() =>
        Assert.Equal(TradingState.Halted, RiskBreaches.Evaluate(dayPnl: -5_000m, drawdown: 0m, Limits, TradingState.Reducing)?.NewState);

    [Fact]
    public void No_limits_means_no_breach() =>
        Assert.Null(RiskBreaches.Evaluate(dayPnl: -1_000_000m, drawdown: 0.99m, RiskLimits.None, TradingState.Active));
}

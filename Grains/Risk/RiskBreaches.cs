namespace Meridian.Grains.Risk;

/// <summary>
/// The limits enforced by state rather than per order: a daily loss at or beyond risk.daily_loss_limit halts trading; a
/// drawdown at or beyond risk.max_drawdown switches the portfolio to reducing only. Unlike the pre-trade rules these
/// trigger at equality: the limit is the loss the portfolio may not take. Breaches only ever tighten the state; going
/// back to ACTIVE is an admin's decision.
/// </summary>
public static class RiskBreaches
{
    /// <summary>
    /// The state the portfolio must move to, or null when no limit is breached or <paramref name="current"/> is already
    /// as strict. When both are breached the stricter wins (the daily loss: HALTED). <paramref name="dayPnl"/> is signed
    /// (a loss is negative); <paramref name="drawdown"/> is the fall from the high-water mark as a fraction of it.
    /// </summary>
    public static RiskBreach? Evaluate(decimal dayPnl, decimal drawdown, RiskLimits limits, TradingState current)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (current == TradingState.Halted)
            return null;
        if (limits.DailyLossLimit is { } lossLimit && -dayPnl >= lossLimit)
            return new(RiskBreachKind.DailyLossLimit, TradingState.Halted, dayPnl, lossLimit,
                $"day P&L {Figures.Of(dayPnl)} reached the daily loss limit {Figures.Of(lossLimit)} (risk.daily_loss_limit): trading is halted");
        if (current == TradingState.Reducing)
            return null;
        if (limits.MaxDrawdown is { } maxDrawdown && drawdown >= maxDrawdown)
            return new(RiskBreachKind.MaxDrawdown, TradingState.Reducing, drawdown, maxDrawdown,
                $"drawdown {Figures.Of(drawdown)} from the high-water mark reached the limit {Figures.Of(maxDrawdown)} (risk.max_drawdown): only orders that reduce a position are allowed");
        return null;
    }
}

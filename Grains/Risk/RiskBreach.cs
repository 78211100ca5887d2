namespace Meridian.Grains.Risk;

/// <summary>Which state-enforced limit a portfolio breached.</summary>
public enum RiskBreachKind
{
    /// <summary>Today's loss reached risk.daily_loss_limit: trading halts.</summary>
    DailyLossLimit,

    /// <summary>Drawdown from the high-water mark reached risk.max_drawdown: the portfolio may only reduce.</summary>
    MaxDrawdown,
}

/// <summary>
/// A breached limit and the trading state the portfolio must move to because of it. <see cref="Value"/> and
/// <see cref="Limit"/> are the figures compared (day P&amp;L in account currency, or drawdown as a fraction), as the
/// portfolio's breach events record them.
/// </summary>
public sealed record RiskBreach(RiskBreachKind Kind, TradingState NewState, decimal Value, decimal Limit, string Message);

using System.Text.Json.Serialization;
using Meridian.Grains.Risk;

namespace Meridian.Grains.Portfolios;

/// <summary>Something that happened to a portfolio as a whole, in the past tense.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(TradingStateChanged), "trading_state_changed")]
[JsonDerivedType(typeof(DailyLossLimitBreached), "daily_loss_limit_breached")]
[JsonDerivedType(typeof(MaxDrawdownBreached), "max_drawdown_breached")]
[JsonDerivedType(typeof(RiskLimitsChanged), "risk_limits_changed")]
[JsonDerivedType(typeof(LiquidationStarted), "liquidation_started")]
public abstract record PortfolioEvent(string PortfolioId, DateTimeOffset Time);

/// <summary>The kill switch moved, by an admin or by a breached limit.</summary>
public sealed record TradingStateChanged(string PortfolioId, DateTimeOffset Time, TradingState From, TradingState To, string Reason)
    : PortfolioEvent(PortfolioId, Time);

/// <summary>Today's loss reached the daily loss limit; trading was halted.</summary>
public sealed record DailyLossLimitBreached(string PortfolioId, DateTimeOffset Time, decimal DayPnl, decimal Limit)
    : PortfolioEvent(PortfolioId, Time);

/// <summary>Drawdown from the high-water mark reached the limit; the portfolio was switched to reducing only.</summary>
public sealed record MaxDrawdownBreached(string PortfolioId, DateTimeOffset Time, decimal Drawdown, decimal Limit)
    : PortfolioEvent(PortfolioId, Time);

/// <summary>An admin changed the risk limits.</summary>
public sealed record RiskLimitsChanged(string PortfolioId, DateTimeOffset Time, RiskLimits Limits, string ChangedBy)
    : PortfolioEvent(PortfolioId, Time);

/// <summary>Liquidate-all was asked for: open orders canceled, closing orders submitted.</summary>
public sealed record LiquidationStarted(string PortfolioId, DateTimeOffset Time, string Reason, int CanceledOrders, int ClosingOrders)
    : PortfolioEvent(PortfolioId, Time);

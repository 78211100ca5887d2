using Meridian.Grains.Domain;
using Meridian.Grains.Positions;
using Meridian.Grains.Risk;

namespace Meridian.Grains.Portfolios;

/// <summary>
/// A portfolio's account at one moment. Equity = cash + the market value of every position at its last price.
/// Exposures are valued at last prices: gross = sum of |value|, net = longs - shorts. Drawdown is the fall from
/// the high-water mark as a fraction of it. Day P&amp;L is equity minus equity at the start of the UTC day.
/// </summary>
public sealed record PortfolioSnapshot(
    string PortfolioId,
    Money Cash,
    Money Equity,
    Money BuyingPower,
    Money GrossExposure,
    Money NetExposure,
    Money RealizedPnl,
    Money UnrealizedPnl,
    Money Fees,
    Money DayPnl,
    Money HighWaterMark,
    decimal Drawdown,
    TradingState TradingState,
    string? TradingStateReason,
    int OpenOrderCount,
    IReadOnlyList<PositionView> Positions,
    DateTimeOffset AsOf);

/// <summary>A position with its mark: the last price, market value and unrealized P&amp;L (null when no price has been seen).</summary>
public sealed record PositionView(PositionSnapshot Position, Price? LastPrice, Money? MarketValue, Money? UnrealizedPnl);

/// <summary>How a portfolio starts: its cash and its risk limits.</summary>
public sealed record PortfolioSettings(Money StartingCash, RiskLimits Limits)
{
    /// <summary>Every setting that is wrong, at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (StartingCash <= Money.Zero)
            errors.Add(new("starting_cash", $"{StartingCash} must be greater than zero"));
        errors.AddRange(Limits.Validate().Select(e => e with { Field = "risk." + e.Field }));
        return errors;
    }
}

/// <summary>One point of the equity curve.</summary>
public sealed record EquityPoint(DateTimeOffset Time, Money Equity);

/// <summary>An order the portfolio counts as open: what the risk gate reserves for it.</summary>
public sealed record OpenOrder(string ClientOrderId, Symbol Symbol, Side Side, Quantity RemainingQuantity, Price? ReferencePrice);

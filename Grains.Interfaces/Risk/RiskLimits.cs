using Meridian.Grains.Domain;

namespace Meridian.Grains.Risk;

/// <summary>
/// One portfolio's pre-trade risk limits. A null limit is not enforced. Fractions are of equity (0.25 = 25%);
/// exposure limits are multiples of equity (2 = 2x leverage). Changeable at run time by an admin;
/// <see cref="Validate"/> reports every violation at once.
/// </summary>
public sealed record RiskLimits
{
    /// <summary>Largest quantity in one order (risk.max_order_quantity).</summary>
    public decimal? MaxOrderQuantity { get; init; }

    /// <summary>Largest notional (quantity x price) of one order, in account currency (risk.max_order_notional).</summary>
    public decimal? MaxOrderNotional { get; init; }

    /// <summary>Largest absolute position value in one symbol after the order, counting open orders (risk.max_position_notional).</summary>
    public decimal? MaxPositionNotional { get; init; }

    /// <summary>Largest gross exposure (sum of absolute position values) as a multiple of equity: leverage (risk.max_gross_exposure).</summary>
    public decimal? MaxGrossExposure { get; init; }

    /// <summary>Largest absolute net exposure (longs minus shorts) as a multiple of equity (risk.max_net_exposure).</summary>
    public decimal? MaxNetExposure { get; init; }

    /// <summary>Largest share of equity in one symbol, 0 to 1 (risk.max_concentration).</summary>
    public decimal? MaxConcentration { get; init; }

    /// <summary>Most orders open at once (risk.max_open_orders).</summary>
    public int? MaxOpenOrders { get; init; }

    /// <summary>Most order submissions in any one-second window (risk.max_orders_per_second).</summary>
    public int? MaxOrdersPerSecond { get; init; }

    /// <summary>Whether a sell may take a position below zero (risk.allow_short_selling).</summary>
    public bool AllowShortSelling { get; init; }

    /// <summary>How far a limit or stop price may be from the last price, as a fraction (0.1 = 10%) (risk.price_collar).</summary>
    public decimal? PriceCollar { get; init; }

    /// <summary>Loss since the start of the day, in account currency, that halts trading (risk.daily_loss_limit).</summary>
    public decimal? DailyLossLimit { get; init; }

    /// <summary>Drawdown from the high-water mark, 0 to 1, that switches the portfolio to REDUCING (risk.max_drawdown).</summary>
    public decimal? MaxDrawdown { get; init; }

    /// <summary>Buying power is equity times this minus what is already used; 1 is a cash account (risk.margin_multiplier).</summary>
    public decimal MarginMultiplier { get; init; } = 1m;

    /// <summary>No limit at all except a cash account's buying power and no short selling.</summary>
    public static RiskLimits None { get; } = new();

    /// <summary>Every setting that is out of range, at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Positive(MaxOrderQuantity, "max_order_quantity", errors);
        Positive(MaxOrderNotional, "max_order_notional", errors);
        Positive(MaxPositionNotional, "max_position_notional", errors);
        Positive(MaxGrossExposure, "max_gross_exposure", errors);
        Positive(MaxNetExposure, "max_net_exposure", errors);
        Fraction(MaxConcentration, "max_concentration", errors);
        Positive(MaxOpenOrders, "max_open_orders", errors);
        Positive(MaxOrdersPerSecond, "max_orders_per_second", errors);
        Fraction(PriceCollar, "price_collar", errors);
        Positive(DailyLossLimit, "daily_loss_limit", errors);
        Fraction(MaxDrawdown, "max_drawdown", errors);
        if (MarginMultiplier is < 1m or > 4m)
            errors.Add(new("margin_multiplier", $"{MarginMultiplier} must be between 1 (cash account) and 4"));
        return errors;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> listing every violation, or returns the limits.</summary>
    public RiskLimits EnsureValid() => Validate() is { Count: > 0 } errors ? throw new InvalidInputException("risk limits", errors) : this;

    private static void Positive(decimal? value, string field, List<FieldError> errors)
    {
        if (value is <= 0m)
            errors.Add(new(field, $"{value} must be greater than zero (leave it out for no limit)"));
    }

    private static void Positive(int? value, string field, List<FieldError> errors)
    {
        if (value is <= 0)
            errors.Add(new(field, $"{value} must be greater than zero (leave it out for no limit)"));
    }

    private static void Fraction(decimal? value, string field, List<FieldError> errors)
    {
        if (value is <= 0m or > 1m)
            errors.Add(new(field, $"{value} must be a fraction above 0 and at most 1 (0.25 = 25%)"));
    }
}

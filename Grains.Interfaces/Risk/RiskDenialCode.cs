namespace Meridian.Grains.Risk;

/// <summary>Why the pre-trade risk gate denied an order: a stable code for programs (the API writes it in SCREAMING_SNAKE_CASE), with a message for people beside it.</summary>
public enum RiskDenialCode
{
    QuantityExceedsMaxPerOrder,
    NotionalExceedsMaxPerOrder,
    PositionNotionalExceedsMax,
    GrossExposureExceedsMax,
    NetExposureExceedsMax,
    ConcentrationExceedsMax,
    OpenOrdersExceedMax,
    SubmitRateExceeded,
    InsufficientBuyingPower,
    ShortSellingNotAllowed,
    PriceOutsideCollar,
    NoPriceToValueOrder,
    TradingHalted,
    ReducingOnly,
}

/// <summary>A denial: the code and a sentence a person understands, naming the figures and the limit's setting.</summary>
public sealed record RiskDenial(RiskDenialCode Code, string Message)
{
    /// <summary>The code as the API and order history write it: QUANTITY_EXCEEDS_MAX_PER_ORDER.</summary>
    public string CodeName => System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(Code.ToString());

    /// <inheritdoc />
    public override string ToString() => $"{CodeName}: {Message}";
}

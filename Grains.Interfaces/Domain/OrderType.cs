namespace Meridian.Grains.Domain;

/// <summary>How an order's price is set (Alpaca's five equity order types).</summary>
public enum OrderType
{
    /// <summary>At the best price available now.</summary>
    Market,

    /// <summary>At the limit price or better.</summary>
    Limit,

    /// <summary>Becomes a market order when the stop price trades.</summary>
    Stop,

    /// <summary>Becomes a limit order when the stop price trades.</summary>
    StopLimit,

    /// <summary>A stop that follows the best price since submission by a fixed amount or percentage.</summary>
    TrailingStop,
}

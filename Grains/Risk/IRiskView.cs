using Meridian.Grains.Domain;

namespace Meridian.Grains.Risk;

/// <summary>
/// What the pre-trade risk check reads of a portfolio's account. The Portfolio grain's account implements it over the
/// state it already keeps, so every member is a plain read: no I/O, no allocation, no scan of every position.
/// Money figures are account currency; exposures are valued at last prices.
/// </summary>
public interface IRiskView
{
    /// <summary>The kill switch.</summary>
    TradingState TradingState { get; }

    /// <summary>Cash plus the market value of every position.</summary>
    decimal Equity { get; }

    /// <summary>The sum of every position's absolute market value.</summary>
    decimal GrossExposure { get; }

    /// <summary>Long market value minus short market value (negative when net short).</summary>
    decimal NetExposure { get; }

    /// <summary>Orders counted as open now (not counting the order being checked).</summary>
    int OpenOrderCount { get; }

    /// <summary>What open buy orders reserve: the sum of remaining quantity x reference price (the last price for market orders).</summary>
    decimal OpenBuyNotional { get; }

    /// <summary>The signed position in <paramref name="symbol"/>: positive long, negative short, zero flat or unknown.</summary>
    decimal PositionQuantity(Symbol symbol);

    /// <summary>The last price seen for <paramref name="symbol"/>, or null when none has been seen.</summary>
    Price? LastPrice(Symbol symbol);

    /// <summary>The remaining quantity of open orders in <paramref name="symbol"/> on <paramref name="side"/>.</summary>
    decimal OpenQuantity(Symbol symbol, Side side);
}

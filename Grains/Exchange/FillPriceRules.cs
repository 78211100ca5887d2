using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;

namespace Meridian.Grains.Exchange;

/// <summary>A price an order trades at in a bar, and whether it is the bar's open: the open is known to come first, which decides one-cancels-other races.</summary>
internal readonly record struct BarPrice(Price Price, bool AtOpen);

/// <summary>
/// Where in a bar each order type trades, from the bar's OHLC alone. A bar says which prices traded but not in what
/// order (except that the open came first), so an order that trades intrabar trades at its own price (limit or stop),
/// and a gap through that price at the open trades at the open.
/// </summary>
internal static class FillPriceRules
{
    /// <summary>A market order trades at the open.</summary>
    public static BarPrice Market(Bar bar) => new(bar.Open, AtOpen: true);

    /// <summary>A buy trades at the open if it opens at or below the limit, else at the limit if the low reaches it; a sell mirrors with the high.</summary>
    public static BarPrice? Limit(Side side, Price limit, Bar bar) =>
        side == Side.Buy
            ? bar.Open <= limit ? Market(bar) : bar.Low <= limit ? new(limit, false) : null
            : bar.Open >= limit ? Market(bar) : bar.High >= limit ? new(limit, false) : null;

    /// <summary>A buy stop triggers at the open if it opens at or above the stop (fills at the open), else at the stop if the high reaches it; a sell mirrors with the low.</summary>
    public static BarPrice? Stop(Side side, Price stop, Bar bar) =>
        side == Side.Buy
            ? bar.Open >= stop ? Market(bar) : bar.High >= stop ? new(stop, false) : null
            : bar.Open <= stop ? Market(bar) : bar.Low <= stop ? new(stop, false) : null;

    /// <summary>
    /// A stop-limit not yet triggered: whether it triggers in this bar, and its fill. Triggered at the open (a gap through
    /// the stop), it is a limit order for the whole bar. Triggered intrabar, the only price known to follow the trigger is
    /// the stop itself: it fills there when the limit accepts the stop price (buy: limit ≥ stop; sell: limit ≤ stop),
    /// otherwise it waits, a limit order, for the next bar.
    /// </summary>
    public static (bool Triggered, BarPrice? Fill) StopLimit(Side side, Price stop, Price limit, Bar bar)
    {
        if (Stop(side, stop, bar) is not { } trigger)
            return (false, null);
        if (trigger.AtOpen)
            return (true, Limit(side, limit, bar));
        var stopIsWithinLimit = side == Side.Buy ? stop <= limit : stop >= limit;
        return (true, stopIsWithinLimit ? new BarPrice(stop, false) : null);
    }

    /// <summary>An auction (opg at the open, cls at the close): a market order trades at the auction price; a limit order only when that price is at or better than its limit.</summary>
    public static BarPrice? Auction(Side side, Price? limit, Price auctionPrice, bool atOpen)
    {
        var accepted = limit is not { } l || (side == Side.Buy ? auctionPrice <= l : auctionPrice >= l);
        return accepted ? new BarPrice(auctionPrice, atOpen) : null;
    }
}

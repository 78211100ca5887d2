using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Exchange;

/// <summary>
/// Trailing stops. The water mark is the best price since the order became eligible: the highest for a sell, the
/// lowest for a buy. It starts at the open of the first eligible bar. In each bar: the open updates the water mark
/// (it is the bar's first price, so nothing in the bar precedes it); the trigger is checked against the stop from that
/// water mark; only then do the bar's high (sell) or low (buy) update it, for the next bars, because the bar does not
/// say whether its extreme came before or after the price that would trigger.
/// </summary>
internal static class TrailingStopRules
{
    /// <summary>The stop for a water mark: sell <c>mark − trail</c> or <c>mark × (1 − pct/100)</c>, buy <c>mark + trail</c> or <c>mark × (1 + pct/100)</c>,
    /// rounded to 4 dp; null for a sell whose stop would be zero or below (it cannot trigger).</summary>
    public static Price? StopFor(OrderRequest order, Price waterMark)
    {
        var sign = order.Side == Side.Buy ? 1m : -1m;
        var stop = order.TrailPrice is { } trail
            ? waterMark.Value + sign * trail.Value
            : waterMark.Value * (1m + sign * order.TrailPercent!.Value / 100m);
        stop = Math.Round(stop, SlippageModel.PriceDecimals, MidpointRounding.AwayFromZero);
        return stop > 0m ? Price.Of(stop) : null;
    }

    /// <summary>Works an untriggered trailing stop through one bar: the new water mark, and the fill when it triggers.</summary>
    public static (Price WaterMark, BarPrice? Fill) Work(OrderRequest order, Price? waterMark, Bar bar)
    {
        var sell = order.Side == Side.Sell;
        var mark = Better(sell, waterMark ?? bar.Open, bar.Open);
        if (StopFor(order, mark) is { } stop && FillPriceRules.Stop(order.Side, stop, bar) is { } fill)
            return (mark, fill);
        return (Better(sell, mark, sell ? bar.High : bar.Low), null);
    }

    private static Price Better(bool sell, Price mark, Price price) => sell ? (price > mark ? price : mark) : (price < mark ? price : mark);
}

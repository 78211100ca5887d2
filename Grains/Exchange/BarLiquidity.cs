using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;

namespace Meridian.Grains.Exchange;

/// <summary>
/// One bar's volume as the orders use it up, in the order they are worked, and the slipped price of each fill.
/// Without a volume cap an order fills its whole remainder.
/// </summary>
internal sealed class BarLiquidity(SlippageModel slippage, Bar bar)
{
    private readonly decimal? _capacity = slippage.Capacity(bar);
    private decimal _taken;

    /// <summary>The most of <paramref name="order"/> that may fill now: its remainder, capped by what the bar has left,
    /// rounded down to whole units when the order is for whole units (else to 9 decimal places).</summary>
    public Quantity Available(WorkingOrder order)
    {
        if (_capacity is not { } capacity)
            return order.RemainingQuantity;
        var left = Math.Max(capacity - _taken, 0m);
        var whole = order.Request.Quantity.Value == decimal.Truncate(order.Request.Quantity.Value);
        var units = whole ? decimal.Floor(left) : Math.Round(left, Quantity.MaxDecimals, MidpointRounding.ToZero);
        return Quantity.Min(order.RemainingQuantity, Quantity.Of(units));
    }

    /// <summary>
    /// The price a fill of <paramref name="quantity"/> gets: <paramref name="price"/> slipped with the bar's volume share
    /// after this fill, but never past the order's limit, because a limit order is price-protected.
    /// </summary>
    public Price PriceOf(WorkingOrder order, Price price, Quantity quantity)
    {
        var share = _capacity is null || bar.Volume == 0m ? 0m : (_taken + quantity.Value) / bar.Volume;
        var side = order.Request.Side;
        var slipped = slippage.Apply(price, side, share);
        if (order.Request.LimitPrice is not { } limit)
            return slipped;
        return side == Side.Buy ? (slipped > limit ? limit : slipped) : (slipped < limit ? limit : slipped);
    }

    /// <summary>Records a fill's quantity against the bar's volume.</summary>
    public void Take(Quantity quantity) => _taken += quantity.Value;
}

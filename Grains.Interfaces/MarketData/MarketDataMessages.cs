using Meridian.Grains.Domain;

namespace Meridian.Grains.MarketData;

/// <summary>An OHLCV bar. <see cref="Time"/> is when the bar opens (Alpaca's convention); <see cref="Period"/> is its length.</summary>
public sealed record Bar(Symbol Symbol, DateTimeOffset Time, TimeSpan Period, Price Open, Price High, Price Low, Price Close, decimal Volume)
{
    /// <summary>When the bar closes.</summary>
    public DateTimeOffset End => Time + Period;
}

/// <summary>One trade printed at the venue.</summary>
public sealed record Trade(Symbol Symbol, DateTimeOffset Time, Price Price, Quantity Size);

/// <summary>The best bid and offer.</summary>
public sealed record Quote(Symbol Symbol, DateTimeOffset Time, Price BidPrice, Quantity BidSize, Price AskPrice, Quantity AskSize)
{
    /// <summary>Halfway between bid and ask.</summary>
    public Price Mid => Price.Of((BidPrice.Value + AskPrice.Value) / 2m);
}

/// <summary>The latest price seen for a symbol and where it came from (a bar's close, a trade, or a quote's mid).</summary>
public sealed record LastPrice(Symbol Symbol, Price Price, DateTimeOffset Time);

/// <summary>Where market data flows: stream provider and namespaces, keyed by symbol.</summary>
public static class MarketDataStreams
{
    /// <summary>The stream provider market data is published on.</summary>
    public const string Provider = "MarketData";

    /// <summary>Namespace of <see cref="Bar"/> streams.</summary>
    public const string Bars = "bars";

    /// <summary>Namespace of <see cref="Trade"/> streams.</summary>
    public const string Trades = "trades";

    /// <summary>Namespace of <see cref="Quote"/> streams.</summary>
    public const string Quotes = "quotes";
}

/// <summary>
/// Every bar of one time step, as a strategy sees it: <paramref name="Time"/> is when the bars became known (their
/// close), the instant a strategy's orders are placed at.
/// </summary>
public sealed record BarSlice(DateTimeOffset Time, IReadOnlyList<Bar> Bars);

using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Grains.MarketData;
using Meridian.Grains.Orders;

namespace Meridian.Grains.Tests.Exchange;

/// <summary>Crafted bars and orders for the book's tests. Intraday bars are 5 minutes long from 09:30 New York on Monday 4 March 2024 (UTC−5).</summary>
internal static class Sim
{
    public static readonly Symbol Aapl = Symbol.Parse("AAPL");

    public static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    /// <summary>A New York time in March 2024 (daylight saving starts on the 10th).</summary>
    public static DateTimeOffset NewYork(int day, int hour, int minute) =>
        new(2024, 3, day, hour, minute, 0, TimeSpan.FromHours(day >= 10 ? -4 : -5));

    /// <summary>The Monday's open, 09:30: orders submitted then are eligible for bar 0.</summary>
    public static DateTimeOffset Open => NewYork(4, 9, 30);

    /// <summary>The Monday's 5-minute bar number <paramref name="index"/> (0 opens at 09:30).</summary>
    public static Bar Bar(int index, decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000_000m) =>
        BarAt(Open + index * FiveMinutes, open, high, low, close, volume);

    public static Bar BarAt(DateTimeOffset time, decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000_000m) =>
        new(Aapl, time, FiveMinutes, P(open), P(high), P(low), P(close), volume);

    /// <summary>The daily bar of 2024-03-<paramref name="day"/>, stamped at midnight New York as Alpaca stamps daily bars.</summary>
    public static Bar Daily(int day, decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000_000m) =>
        new(Aapl, NewYork(day, 0, 0), TimeSpan.FromDays(1), P(open), P(high), P(low), P(close), volume);

    public static Price P(decimal value) => Price.Of(value);

    public static Quantity Q(decimal value) => Quantity.Of(value);

    public static OrderRequest Market(Side side, decimal qty, string id = "o1") => new(id, "pf", Aapl, side, Q(qty), OrderType.Market, TimeInForce.Gtc);

    public static OrderRequest Limit(Side side, decimal qty, decimal limit, string id = "o1") =>
        Market(side, qty, id) with { Type = OrderType.Limit, LimitPrice = P(limit) };

    public static OrderRequest Stop(Side side, decimal qty, decimal stop, string id = "o1") =>
        Market(side, qty, id) with { Type = OrderType.Stop, StopPrice = P(stop) };

    public static OrderRequest StopLimit(Side side, decimal qty, decimal stop, decimal limit, string id = "o1") =>
        Market(side, qty, id) with { Type = OrderType.StopLimit, StopPrice = P(stop), LimitPrice = P(limit) };

    public static SimulatedExchangeBook Book(ExchangeRules? rules = null, SimulatedExchangeState? state = null) =>
        new(Aapl, rules ?? ExchangeRules.Default, state ?? new SimulatedExchangeState());

    /// <summary>A book with <paramref name="order"/> submitted at the Monday's open.</summary>
    public static SimulatedExchangeBook BookWith(OrderRequest order, ExchangeRules? rules = null)
    {
        var book = Book(rules);
        Assert.DoesNotContain(book.Submit(order, Open), r => r.Status == OrderStatus.Rejected);
        return book;
    }

    /// <summary>The one report, which must be a fill: its price.</summary>
    public static decimal FillPrice(IReadOnlyList<ExecutionReport> reports) => Assert.Single(reports).Fill!.Price.Value;

    /// <summary>The reports as "client id:status" strings, to compare sequences at a glance.</summary>
    public static string[] Statuses(IReadOnlyList<ExecutionReport> reports) => [.. reports.Select(r => $"{r.ClientOrderId}:{r.Status}")];
}

using System.Text.Json;
using Meridian.Grains.Domain;
using Meridian.Grains.Exchange;
using Meridian.Runtime.Storage;
using static Meridian.Grains.Tests.Exchange.Sim;

namespace Meridian.Grains.Tests.Exchange;

public sealed class SimulatedExchangeStateTests
{
    private static readonly ExchangeRules Rules = ExchangeRules.Default with { Slippage = new VolumeShareSlippage(0.1m, 0m) };

    /// <summary>A state with every kind of memory: a live bracket exit pair, a trailing stop's water mark, a partial fill, a triggered stop-limit.</summary>
    private static SimulatedExchangeState BusyState()
    {
        var state = new SimulatedExchangeState();
        var book = Book(Rules, state);
        book.Submit(Market(Side.Buy, 10, "br") with { Class = OrderClass.Bracket, TakeProfit = new(P(120m)), StopLoss = new(P(90m), P(89m)) }, Open);
        book.Submit(Market(Side.Sell, 10, "tr") with { Type = OrderType.TrailingStop, TrailPercent = 5m }, Open);
        book.Submit(Limit(Side.Buy, 500, 100m, "big"), Open);
        book.Submit(StopLimit(Side.Buy, 10, stop: 101m, limit: 100.5m, "sl"), Open);
        book.OnBar(Bar(0, 100m, 101.5m, 99m, 100m, volume: 1000m));
        return state;
    }

    [Fact]
    public void State_round_trips_through_state_json()
    {
        var state = BusyState();
        var json = JsonSerializer.Serialize(state, StateJson.Options);

        var restored = JsonSerializer.Deserialize<SimulatedExchangeState>(json, StateJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored, StateJson.Options));
        Assert.Equal(5, restored.Orders.Count);
        var trailing = restored.Orders.Single(o => o.Request.ClientOrderId == "tr");
        Assert.Equal(P(101.5m), trailing.WaterMark);
        Assert.True(restored.Orders.Single(o => o.Request.ClientOrderId == "sl").Triggered);
        Assert.Equal(Q(90), restored.Orders.Single(o => o.Request.ClientOrderId == "big").FilledQuantity);
    }

    [Fact]
    public void Restored_book_works_the_next_bar_exactly_as_the_original()
    {
        var state = BusyState();
        var restored = JsonSerializer.Deserialize<SimulatedExchangeState>(JsonSerializer.Serialize(state, StateJson.Options), StateJson.Options)!;
        var next = Bar(1, 100.2m, 121m, 88m, 95m, volume: 1000m);

        var original = Book(Rules, state).OnBar(next);

        Assert.NotEmpty(original);
        Assert.Equal(original, Book(Rules, restored).OnBar(next));
    }
}

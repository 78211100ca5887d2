using Meridian.Grains.Domain;
using static Meridian.Grains.Tests.Orders.TestOrders;

namespace Meridian.Grains.Tests.Orders;

public sealed class OrderRequestDifferenceTests
{
    [Fact]
    public void Same_request_has_no_difference() => Assert.Null(SubmittedOrder().DifferenceFrom(Buy()));

    [Fact]
    public void Same_quantity_written_with_more_decimals_is_the_same_request() =>
        Assert.Null(SubmittedOrder().DifferenceFrom(Buy(quantity: 100.00m)));

    [Fact]
    public void Different_quantity_is_described_as_recorded_vs_requested() =>
        Assert.Equal("qty 100 vs 120", SubmittedOrder().DifferenceFrom(Buy(quantity: 120m)));

    [Fact]
    public void Every_differing_field_is_named_in_api_order() =>
        Assert.Equal("side buy vs sell, limit_price 10.50 vs 10.60",
            SubmittedOrder().DifferenceFrom(Buy() with { Side = Side.Sell, LimitPrice = Price.Of(10.60m) }));

    [Fact]
    public void A_missing_value_shows_as_none() =>
        Assert.Equal("type limit vs stop_limit, stop_price none vs 10",
            SubmittedOrder().DifferenceFrom(Buy() with { Type = OrderType.StopLimit, StopPrice = Price.Of(10m) }));

    [Fact]
    public void A_differing_leg_price_is_named_by_its_path()
    {
        var bracket = Buy() with { Class = OrderClass.Bracket, TakeProfit = new(Price.Of(12m)), StopLoss = new(Price.Of(9m)) };

        Assert.Equal("stop_loss.stop_price 9 vs 9.5",
            SubmittedOrder(bracket).DifferenceFrom(bracket with { StopLoss = new(Price.Of(9.5m)) }));
    }

    [Fact]
    public void Difference_from_an_unused_id_throws() =>
        Assert.Throws<InvalidOperationException>(() => Empty().DifferenceFrom(Buy()));
}

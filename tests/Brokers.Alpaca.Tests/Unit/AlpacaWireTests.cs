using System.Net;
using System.Text.Json;
using Meridian.Brokers.Alpaca.Orders;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Brokers.Alpaca.Wire;
using Meridian.Grains.Domain;
using Meridian.Grains.Orders;

namespace Meridian.Brokers.Alpaca.Tests.Unit;

public sealed class AlpacaWireTests
{
    [Fact]
    public void Decimals_are_read_from_strings_and_numbers_and_written_as_strings()
    {
        var order = JsonSerializer.Deserialize<AlpacaOrder>("""{"qty":"2.5","filled_qty":3,"limit_price":"0.000000001"}""", AlpacaJson.Options)!;
        Assert.Equal(2.5m, order.Qty);
        Assert.Equal(3m, order.FilledQty);
        Assert.Equal(0.000000001m, order.LimitPrice);

        var body = JsonSerializer.Serialize(new AlpacaTakeProfit(301.5m), AlpacaJson.Options);
        Assert.Equal("""{"limit_price":"301.5"}""", body);
    }

    [Fact]
    public void Nanosecond_timestamps_keep_seven_digits_without_rounding()
    {
        var order = JsonSerializer.Deserialize<AlpacaOrder>("""{"updated_at":"2022-04-19T17:45:05.024916716Z","created_at":"2025-06-24T10:15:22-04:00"}""", AlpacaJson.Options)!;
        Assert.Equal(new DateTimeOffset(2022, 4, 19, 17, 45, 5, TimeSpan.Zero).AddTicks(249167), order.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2025, 6, 24, 14, 15, 22, TimeSpan.Zero), order.CreatedAt);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var order = JsonSerializer.Deserialize<AlpacaOrder>("""{"id":"a","brand_new_field":{"x":[1,2]},"status":"new"}""", AlpacaJson.Options)!;
        Assert.Equal("a", order.Id);
    }

    [Fact]
    public void A_contract_break_names_the_endpoint_and_the_field()
    {
        var order = new AlpacaOrder { Id = "a", ClientOrderId = "c", Status = "filled", Qty = 10m, FilledQty = 10m };
        var e = Assert.Throws<AlpacaApiException>(() => AlpacaContract.Order(order, "POST /v2/orders"));
        Assert.Equal(AlpacaErrorKind.ContractMismatch, e.Kind);
        Assert.Contains("POST /v2/orders", e.Message, StringComparison.Ordinal);
        Assert.Contains("filled_avg_price", e.Message, StringComparison.Ordinal);

        var leg = order with { FilledAvgPrice = 5m, Legs = [new AlpacaOrder { Id = "b", ClientOrderId = "d", Status = "held" }] };
        var legError = Assert.Throws<AlpacaApiException>(() => AlpacaContract.Order(leg, "GET /v2/orders"));
        Assert.Contains("legs[0].filled_qty", legError.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, 40110000L, "request is not authorized", AlpacaErrorKind.Unauthorized)]
    [InlineData(403, 40310000L, "insufficient buying power", AlpacaErrorKind.InsufficientFunds)]
    [InlineData(403, 40310000L, "insufficient qty available for order (requested: 10, available: 0)", AlpacaErrorKind.InsufficientFunds)]
    [InlineData(403, 40310100L, "trade denied due to pattern day trading protection", AlpacaErrorKind.PatternDayTrader)]
    [InlineData(403, 40310000L, "account is not allowed to short", AlpacaErrorKind.Forbidden)]
    [InlineData(404, 40410000L, "order not found", AlpacaErrorKind.NotFound)]
    [InlineData(422, 40010001L, "client_order_id must be unique", AlpacaErrorKind.DuplicateClientOrderId)]
    [InlineData(422, 42210000L, "stop price must be greater than current price", AlpacaErrorKind.Validation)]
    [InlineData(429, null, null, AlpacaErrorKind.RateLimited)]
    [InlineData(503, null, null, AlpacaErrorKind.ServerError)]
    public void Errors_are_classified_by_status_and_code(int status, long? code, string? message, AlpacaErrorKind expected) =>
        Assert.Equal(expected, AlpacaErrors.Classify((HttpStatusCode)status, code, message));

    [Fact]
    public void Client_order_ids_are_kept_when_short_and_hashed_to_48_characters_when_long()
    {
        Assert.Equal("p1-order-7", AlpacaClientOrderIds.For("p1-order-7"));
        var longId = new string('a', 60) + "/1";
        var other = new string('a', 60) + "/2";

        var id = AlpacaClientOrderIds.For(longId);

        Assert.Equal(48, id.Length);
        Assert.Equal(id, AlpacaClientOrderIds.For(longId));
        Assert.NotEqual(id, AlpacaClientOrderIds.For(other));
        Assert.StartsWith(new string('a', 31) + "-", id, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bracket_request_goes_out_with_both_exits_and_string_prices()
    {
        var request = new OrderRequest("b-1", "p", Symbol.Parse("SPY"), Side.Buy, Quantity.Of(100m), OrderType.Market, TimeInForce.Gtc,
            Class: OrderClass.Bracket, TakeProfit: new TakeProfitLeg(Price.Of(301m)), StopLoss: new StopLossLeg(Price.Of(299m), Price.Of(298.5m)));

        var json = JsonSerializer.Serialize(AlpacaOrderRequests.Submit(request), AlpacaJson.Options);

        Assert.Equal(
            """{"symbol":"SPY","qty":"100","side":"buy","type":"market","time_in_force":"gtc","client_order_id":"b-1","order_class":"bracket","take_profit":{"limit_price":"301"},"stop_loss":{"stop_price":"299","limit_price":"298.5"}}""",
            json);
    }
}

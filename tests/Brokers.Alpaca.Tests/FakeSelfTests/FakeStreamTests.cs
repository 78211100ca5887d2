using System.Net.WebSockets;
using Meridian.Brokers.Alpaca.Tests.Fake;

namespace Meridian.Brokers.Alpaca.Tests.FakeSelfTests;

/// <summary>The trade-updates WebSocket: the authenticate/listen flow, the events, and the stream faults.</summary>
public sealed class FakeStreamTests
{
    [Fact]
    public async Task Listen_needs_authentication_and_replies_come_in_binary_frames()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        await using var stream = await StreamClient.ConnectAsync(fake, guard.Token);

        await stream.SendAsync("""{"action":"listen","data":{"streams":["trade_updates"]}}""", guard.Token);
        var early = await stream.ReceiveAsync(guard.Token);
        Assert.Equal(WebSocketMessageType.Binary, early.Type);
        Assert.Equal("""{"stream":"authorization","data":{"status":"unauthorized","action":"listen"}}""", early.Text);
        Assert.Equal(0, fake.ListeningClients);

        await stream.SendAsync(StreamClient.Authenticate(fake.KeyId, fake.SecretKey), guard.Token);
        var authorized = await stream.ReceiveAsync(guard.Token);
        Assert.Equal(WebSocketMessageType.Binary, authorized.Type);
        Assert.Equal("""{"stream":"authorization","data":{"status":"authorized","action":"authenticate"}}""", authorized.Text);

        await stream.SendAsync("""{"action":"listen","data":{"streams":["trade_updates"]}}""", guard.Token);
        Assert.Equal("""{"stream":"listening","data":{"streams":["trade_updates"]}}""", (await stream.ReceiveAsync(guard.Token)).Text);
        await fake.WaitForListeningClientsAsync(1, guard.Token);
        Assert.Equal(1, fake.ListeningClients);
    }

    [Fact]
    public async Task Wrong_keys_are_refused_and_the_socket_closed()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        await using var stream = await StreamClient.ConnectAsync(fake, guard.Token);

        await stream.SendAsync(StreamClient.Authenticate(fake.KeyId, "wrong"), guard.Token);

        Assert.Equal("""{"stream":"authorization","data":{"status":"unauthorized","action":"authenticate"}}""",
            (await stream.ReceiveAsync(guard.Token)).Text);
        var close = await stream.ReceiveAsync(guard.Token);
        Assert.Equal(WebSocketMessageType.Close, close.Type);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
    }

    [Fact]
    public async Task Fills_carry_execution_price_qty_and_position_and_text_frames_can_be_fragmented()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        fake.BinaryFrames = false;
        using var http = RawHttp.Client(fake);
        await using var stream = await StreamClient.ListenAsync(fake, guard.Token);
        await http.SubmitAsync(RawHttp.LimitOrder("ev-1", "105", qty: "10"), guard.Token);

        var partial = fake.Fill("ev-1", 4m, 101m);
        var complete = fake.Fill("ev-1", 6m, 102m);

        var messages = new List<StreamMessage>();
        for (var i = 0; i < 3; i++)
        {
            messages.Add(await stream.ReceiveAsync(guard.Token));
        }

        Assert.All(messages, m => Assert.Equal(WebSocketMessageType.Text, m.Type));
        Assert.Contains(messages, m => m.Frames > 1);
        var events = messages.Select(m => m.Json.GetProperty("data")).ToList();
        Assert.Equal(["new", "partial_fill", "fill"], events.Select(e => e.Str("event")));
        Assert.False(events[0].TryGetProperty("execution_id", out _));

        var first = events[1];
        Assert.Equal(partial.ExecutionId, first.Str("execution_id"));
        Assert.Equal("101", first.Str("price"));
        Assert.Equal("4", first.Str("qty"));
        Assert.Equal("4", first.Str("position_qty"));
        Assert.Matches(RawHttp.NanoTimestamp(), first.Str("timestamp"));
        Assert.Equal("partially_filled", first.GetProperty("order").Str("status"));
        Assert.Equal("4", first.GetProperty("order").Str("filled_qty"));

        var last = events[2];
        Assert.Equal(complete.ExecutionId, last.Str("execution_id"));
        Assert.NotEqual(partial.ExecutionId, complete.ExecutionId);
        Assert.Equal("6", last.Str("qty"));
        Assert.Equal("10", last.Str("position_qty"));
        Assert.Equal("filled", last.GetProperty("order").Str("status"));
        Assert.Equal("10", last.GetProperty("order").Str("filled_qty"));
        Assert.Equal("101.6", last.GetProperty("order").Str("filled_avg_price"));
        Assert.Matches(RawHttp.NanoTimestamp(), last.GetProperty("order").Str("filled_at"));
    }

    [Fact]
    public async Task Events_nobody_listens_to_are_lost()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        await using var stream = await StreamClient.ConnectAsync(fake, guard.Token);
        await stream.SendAsync(StreamClient.Authenticate(fake.KeyId, fake.SecretKey), guard.Token);
        await stream.ReceiveAsync(guard.Token);

        var missed = fake.PlaceExternal("AAPL", "buy", 1m);
        await stream.SendAsync("""{"action":"listen","data":{"streams":["trade_updates"]}}""", guard.Token);
        await stream.ReceiveAsync(guard.Token);
        var seen = fake.PlaceExternal("AAPL", "sell", 2m, "limit", 120m);
        fake.Cancel(seen.ClientOrderId);
        fake.Reject(fake.PlaceExternal("MSFT", "buy", 1m).ClientOrderId);

        var next = await stream.NextTradeUpdateAsync(guard.Token);
        Assert.Equal("new", next.Str("event"));
        Assert.Equal(seen.Id, next.GetProperty("order").Str("id"));
        Assert.NotEqual(missed.Id, next.GetProperty("order").Str("id"));
        Assert.Equal("canceled", (await stream.NextTradeUpdateAsync(guard.Token)).Str("event"));
        Assert.Equal("new", (await stream.NextTradeUpdateAsync(guard.Token)).Str("event"));
        var rejected = await stream.NextTradeUpdateAsync(guard.Token);
        Assert.Equal("rejected", rejected.Str("event"));
        Assert.Matches(RawHttp.NanoTimestamp(), rejected.Str("timestamp"));
    }

    [Fact]
    public async Task Dropping_the_stream_mid_fill_loses_that_fill_event_but_not_the_fill()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        await using var stream = await StreamClient.ListenAsync(fake, guard.Token);
        var order = fake.PlaceExternal("AAPL", "buy", 10m);
        Assert.Equal("new", (await stream.NextTradeUpdateAsync(guard.Token)).Str("event"));
        fake.Faults.DropStreamMidFill();

        fake.Fill(order.ClientOrderId, 10m, 100m);

        await Assert.ThrowsAnyAsync<WebSocketException>(() => stream.ReceiveAsync(guard.Token));
        Assert.Equal(0, fake.ListeningClients);
        Assert.Equal("filled", fake.Order(order.ClientOrderId)!.Status);
        Assert.Equal(10m, fake.Positions["AAPL"]);

        // A new connection gets what happens next, never the lost fill.
        await using var again = await StreamClient.ListenAsync(fake, guard.Token);
        var later = fake.PlaceExternal("AAPL", "sell", 10m);
        fake.Fill(later.ClientOrderId, 10m, 101m);
        Assert.Equal("new", (await again.NextTradeUpdateAsync(guard.Token)).Str("event"));
        Assert.Equal("fill", (await again.NextTradeUpdateAsync(guard.Token)).Str("event"));
    }

    [Fact]
    public async Task Dropping_the_stream_after_n_events_aborts_after_exactly_n()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        await using var stream = await StreamClient.ListenAsync(fake, guard.Token);
        fake.Faults.DropStreamAfterEvents(2);

        var first = fake.PlaceExternal("AAPL", "buy", 1m);
        var second = fake.PlaceExternal("AAPL", "buy", 2m);
        fake.PlaceExternal("AAPL", "buy", 3m);

        Assert.Equal(first.Id, (await stream.NextTradeUpdateAsync(guard.Token)).GetProperty("order").Str("id"));
        Assert.Equal(second.Id, (await stream.NextTradeUpdateAsync(guard.Token)).GetProperty("order").Str("id"));
        await Assert.ThrowsAnyAsync<WebSocketException>(() => stream.ReceiveAsync(guard.Token));
        Assert.Equal(0, fake.ListeningClients);
    }

    [Fact]
    public async Task Duplicated_and_reordered_events()
    {
        using var guard = RawHttp.Guard();
        await using var fake = await FakeAlpaca.StartAsync();
        await using var stream = await StreamClient.ListenAsync(fake, guard.Token);

        fake.Faults.DuplicateEvents = true;
        var twice = fake.PlaceExternal("AAPL", "buy", 1m);
        fake.Faults.DuplicateEvents = false;
        var once = fake.PlaceExternal("AAPL", "buy", 2m);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await stream.NextTradeUpdateAsync(guard.Token)).GetProperty("order").Str("id"));
        }

        Assert.Equal([twice.Id, twice.Id, once.Id], ids);

        fake.Faults.ReorderEvents = true;
        var a = fake.PlaceExternal("AAPL", "buy", 3m);
        var b = fake.PlaceExternal("AAPL", "buy", 4m);
        var c = fake.PlaceExternal("AAPL", "buy", 5m);
        fake.Faults.ReorderEvents = false; // delivers the odd one held back
        ids.Clear();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await stream.NextTradeUpdateAsync(guard.Token)).GetProperty("order").Str("id"));
        }

        Assert.Equal([b.Id, a.Id, c.Id], ids);
    }
}

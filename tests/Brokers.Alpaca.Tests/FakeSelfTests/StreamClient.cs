using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Meridian.Brokers.Alpaca.Tests.Fake;

namespace Meridian.Brokers.Alpaca.Tests.FakeSelfTests;

/// <summary>One message as it came off the socket: its frame type, how many frames it took, its text.</summary>
internal sealed record StreamMessage(WebSocketMessageType Type, int Frames, string Text, WebSocketCloseStatus? CloseStatus)
{
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Text);
            return document.RootElement.Clone();
        }
    }
}

/// <summary>A bare ClientWebSocket on the fake's <c>/stream</c>, reassembling frames until EndOfMessage.</summary>
internal sealed class StreamClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketState State => _socket.State;

    public static async Task<StreamClient> ConnectAsync(FakeAlpaca fake, CancellationToken ct)
    {
        var client = new StreamClient();
        await client._socket.ConnectAsync(fake.StreamUrl, ct);
        return client;
    }

    /// <summary>Connects, authenticates and listens to trade_updates, checking both replies.</summary>
    public static async Task<StreamClient> ListenAsync(FakeAlpaca fake, CancellationToken ct)
    {
        var client = await ConnectAsync(fake, ct);
        await client.SendAsync(StreamClient.Authenticate(fake.KeyId, fake.SecretKey), ct);
        Assert.Equal("""{"stream":"authorization","data":{"status":"authorized","action":"authenticate"}}""", (await client.ReceiveAsync(ct)).Text);
        await client.SendAsync("""{"action":"listen","data":{"streams":["trade_updates"]}}""", ct);
        Assert.Equal("""{"stream":"listening","data":{"streams":["trade_updates"]}}""", (await client.ReceiveAsync(ct)).Text);
        return client;
    }

    /// <summary>The authenticate action every official SDK sends (NOTES §2.1).</summary>
    public static string Authenticate(string keyId, string secretKey) =>
        "{\"action\":\"authenticate\",\"data\":{\"key_id\":\"" + keyId + "\",\"secret_key\":\"" + secretKey + "\"}}";

    public Task SendAsync(string json, CancellationToken ct) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, ct);

    public async Task<StreamMessage> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        var frames = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, ct);
            frames++;
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new StreamMessage(WebSocketMessageType.Close, frames, "", result.CloseStatus);
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return new StreamMessage(result.MessageType, frames, Encoding.UTF8.GetString(message.ToArray()), null);
    }

    /// <summary>The <c>data</c> of the next trade_updates message.</summary>
    public async Task<JsonElement> NextTradeUpdateAsync(CancellationToken ct)
    {
        var message = await ReceiveAsync(ct);
        Assert.True(message.Type != WebSocketMessageType.Close, "The stream closed.");
        var json = message.Json;
        Assert.Equal("trade_updates", json.GetProperty("stream").GetString());
        return json.GetProperty("data");
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

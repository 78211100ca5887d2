using System.Buffers;
using System.Net.WebSockets;

namespace Meridian.Brokers.Alpaca.Streaming;

/// <summary>
/// Reads whole messages from a WebSocket: frames reassembled until EndOfMessage, text and binary alike (Alpaca's paper
/// trade-updates endpoint sends binary frames of UTF-8 JSON, the data stream text). Null when the peer closes.
/// </summary>
public static class WebSocketMessages
{
    /// <summary>The largest message accepted; a bigger one is a broken peer.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>The next message's bytes, or null when the socket closed.</summary>
    public static async Task<byte[]?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
                throw new WebSocketException(WebSocketError.HeaderError, $"a message is over {MaxMessageBytes} bytes");
            if (result.EndOfMessage)
                return buffer.WrittenSpan.ToArray();
        }
    }

    /// <summary>Sends <paramref name="json"/> as one text message.</summary>
    public static Task SendAsync(WebSocket socket, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();
    }
}

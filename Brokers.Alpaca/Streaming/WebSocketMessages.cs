using System.Buffers;
using System.Net.WebSockets;

namespace Meridian.Brokers.Alpaca.Streaming;

/// <summary>
/// Reads whole messages from a WebSocket: frames reassembled until EndOfMessage, text and binary alike (Alpaca's paper
/// trade-updates endpoint sends binary frames of UTF-8 JSON, the data stream text). Null when the peer closes.
/// </summary>
public static class WebSocketMessages
{
    /// <summary>The largest message accepted by default; a bigger one is a broken peer.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Reads the next whole message into <paramref name="message"/> (cleared first); false when the peer closed.
    /// A message over <paramref name="maxBytes"/> throws <see cref="WebSocketException"/>, which drops the connection.
    /// </summary>
    public static async Task<bool> ReceiveAsync(WebSocket socket, ArrayBufferWriter<byte> message, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(message);
        message.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(message.GetMemory(8192), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
                return false;
            message.Advance(result.Count);
            if (message.WrittenCount > maxBytes)
                throw new WebSocketException(WebSocketError.HeaderError, $"a message is over {maxBytes} bytes");
            if (result.EndOfMessage)
                return true;
        }
    }

    /// <summary>Sends <paramref name="json"/> as one text message.</summary>
    public static Task SendAsync(WebSocket socket, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();
    }
}

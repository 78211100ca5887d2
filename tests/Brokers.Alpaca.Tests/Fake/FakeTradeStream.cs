using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace Meridian.Brokers.Alpaca.Tests.Fake;

/// <summary>
/// The trade-updates WebSocket at <c>/stream</c> (NOTES §2.1): <c>authenticate</c> then <c>listen</c>; events are pushed
/// only to sockets that are authenticated and listening at the moment the event happens (no replay: an event nobody
/// listens to is lost). Frames are binary UTF-8 JSON like the paper endpoint unless <see cref="BinaryFrames"/> is off;
/// with <see cref="FragmentFrames"/>, every second message over 64 bytes is split into three frames.
/// </summary>
internal sealed class FakeTradeStream
{
    private readonly Lock _lock = new();
    private readonly List<Connection> _connections = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _listenWaiters = [];
    private readonly FakeFaults _faults;
    private readonly string _keyId;
    private readonly string _secretKey;
    private byte[]? _heldForReorder;
    private volatile bool _binaryFrames = true;
    private volatile bool _fragmentFrames = true;

    public FakeTradeStream(FakeFaults faults, string keyId, string secretKey)
    {
        _faults = faults;
        _keyId = keyId;
        _secretKey = secretKey;
        faults.FlushHeldEvent = FlushHeld;
    }

    public bool BinaryFrames { get => _binaryFrames; set => _binaryFrames = value; }

    public bool FragmentFrames { get => _fragmentFrames; set => _fragmentFrames = value; }

    public int ListeningClients
    {
        get
        {
            lock (_lock)
            {
                return CountListening();
            }
        }
    }

    public Task WaitForListeningClientsAsync(int count, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (CountListening() >= count)
            {
                return Task.CompletedTask;
            }

            _listenWaiters.Add((count, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends one event to every listening socket, applying the stream faults. Called under the order book's lock.</summary>
    public void Publish(string eventName, byte[] message)
    {
        lock (_lock)
        {
            if (eventName is "fill" or "partial_fill" && _faults.TryTakeDropMidFill())
            {
                AbortAll();
                return;
            }

            var listeners = _connections.Where(c => c.Listening).ToList();
            if (listeners.Count == 0)
            {
                return;
            }

            List<byte[]> batch;
            if (_faults.ReorderEvents)
            {
                if (_heldForReorder is null)
                {
                    _heldForReorder = message;
                    return;
                }

                batch = [message, _heldForReorder];
            }
            else
            {
                batch = _heldForReorder is null ? [message] : [_heldForReorder, message];
            }

            _heldForReorder = null;
            Deliver(listeners, batch);
        }
    }

    /// <summary>Serves one <c>/stream</c> connection until it closes, breaks, or the fake stops.</summary>
    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        var connection = new Connection(socket, context);
        lock (_lock)
        {
            _connections.Add(connection);
        }

        var receiving = ReceiveLoopAsync(connection, done.Token);
        var sending = SendLoopAsync(connection, done.Token);
        var dropped = false;
        try
        {
            dropped = await Task.WhenAny(receiving, sending) == sending && await sending;
        }
        catch (Exception e) when (IsConnectionGone(e))
        {
            // The client went away, or the fake is stopping.
        }
        finally
        {
            lock (_lock)
            {
                _connections.Remove(connection);
                connection.Listening = false;
            }

            connection.Outbox.Writer.TryComplete();
        }

        if (dropped)
        {
            // Dropped on purpose: no close frame. Returning with the socket untouched lets Kestrel end the connection
            // after the frames already written (aborting would reset it, and a reset makes the client's kernel throw
            // away frames it had received but not yet read). The pending receive then fails: observe it, then let the
            // socket go (its keep-alive timer included).
            _ = receiving.ContinueWith(t =>
            {
                _ = t.Exception;
                socket.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return;
        }

        try
        {
            await Task.WhenAll(receiving, sending);
        }
        catch (Exception e) when (IsConnectionGone(e))
        {
            // Nothing left to talk to.
        }
        finally
        {
            if (socket.State != WebSocketState.Closed)
            {
                socket.Abort();
            }

            socket.Dispose();
        }
    }

    private async Task ReceiveLoopAsync(Connection connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            ValueWebSocketReceiveResult result;
            do
            {
                result = await connection.Socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    connection.Outbox.Writer.TryWrite(Outgoing.Close(WebSocketCloseStatus.NormalClosure, ""));
                    return;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            OnMessage(connection, message.ToArray());
        }
    }

    private void OnMessage(Connection connection, byte[] message)
    {
        string? action = null;
        JsonElement data = default;
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("action", out var actionElement)
                && actionElement.ValueKind == JsonValueKind.String)
            {
                action = actionElement.GetString();
                document.RootElement.TryGetProperty("data", out data);
            }

            switch (action)
            {
                case "authenticate":
                    Authenticate(connection, data);
                    break;
                case "listen":
                    Listen(connection, data);
                    break;
                default:
                    connection.Send(Error(action is null ? "invalid syntax" : $"unknown action: {action}"));
                    break;
            }
        }
        catch (JsonException)
        {
            connection.Send(Error("invalid syntax"));
        }
        finally
        {
            document?.Dispose();
        }
    }

    private void Authenticate(Connection connection, JsonElement data)
    {
        var authorized = data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("key_id", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == _keyId
            && data.TryGetProperty("secret_key", out var secret) && secret.ValueKind == JsonValueKind.String
            && secret.GetString() == _secretKey;
        lock (_lock)
        {
            connection.Authenticated = authorized;
            if (!authorized && connection.Listening)
            {
                connection.Listening = false;
                CheckWaiters();
            }
        }

        connection.Send(Authorization(authorized ? "authorized" : "unauthorized", "authenticate"));
        if (!authorized)
        {
            connection.Outbox.Writer.TryWrite(Outgoing.Close(WebSocketCloseStatus.PolicyViolation, "unauthorized"));
        }
    }

    private void Listen(Connection connection, JsonElement data)
    {
        var wantsTradeUpdates = data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array
            && streams.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.String && s.GetString() == "trade_updates");
        lock (_lock)
        {
            if (!connection.Authenticated)
            {
                connection.Send(Authorization("unauthorized", "listen"));
                return;
            }

            // Under the lock, so the acknowledgement is queued before any event that this socket now receives.
            connection.Listening = wantsTradeUpdates && !connection.Dropped;
            connection.Send(FakeWire.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("stream", "listening");
                w.WriteStartObject("data");
                w.WriteStartArray("streams");
                if (wantsTradeUpdates)
                {
                    w.WriteStringValue("trade_updates");
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }));
            CheckWaiters();
        }
    }

    /// <summary>Writes the connection's outbox; true when it stopped because the fake dropped the socket.</summary>
    private async Task<bool> SendLoopAsync(Connection connection, CancellationToken cancellationToken)
    {
        var sent = 0;
        await foreach (var item in connection.Outbox.Reader.ReadAllAsync(cancellationToken))
        {
            switch (item.Kind)
            {
                case OutgoingKind.Abort:
                    return true;
                case OutgoingKind.Close:
                    if (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await connection.Socket.CloseOutputAsync(item.CloseStatus, item.CloseDescription, cancellationToken);
                    }

                    return false;
                default:
                    var type = _binaryFrames ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
                    var payload = item.Payload!;
                    if (_fragmentFrames && ++sent % 2 == 0 && payload.Length > 64)
                    {
                        var first = payload.Length / 5;
                        var second = payload.Length / 2;
                        await connection.Socket.SendAsync(payload.AsMemory(0, first), type, false, cancellationToken);
                        await connection.Socket.SendAsync(payload.AsMemory(first, second - first), type, false, cancellationToken);
                        await connection.Socket.SendAsync(payload.AsMemory(second), type, true, cancellationToken);
                    }
                    else
                    {
                        await connection.Socket.SendAsync(payload.AsMemory(), type, true, cancellationToken);
                    }

                    break;
            }
        }

        return false;
    }

    private void Deliver(List<Connection> listeners, List<byte[]> batch)
    {
        var duplicate = _faults.DuplicateEvents;
        foreach (var message in batch)
        {
            foreach (var connection in listeners)
            {
                connection.Send(message);
                if (duplicate)
                {
                    connection.Send(message);
                }
            }

            if (_faults.CountEventForDrop())
            {
                AbortAll();
                return;
            }
        }
    }

    private void FlushHeld()
    {
        lock (_lock)
        {
            if (_heldForReorder is null || _faults.ReorderEvents)
            {
                return;
            }

            var held = _heldForReorder;
            _heldForReorder = null;
            var listeners = _connections.Where(c => c.Listening).ToList();
            if (listeners.Count > 0)
            {
                Deliver(listeners, [held]);
            }
        }
    }

    /// <summary>Kills every socket after what is already queued for it. Under <see cref="_lock"/>.</summary>
    private void AbortAll()
    {
        _heldForReorder = null;
        foreach (var connection in _connections)
        {
            connection.Listening = false;
            connection.Dropped = true;
            connection.Outbox.Writer.TryWrite(Outgoing.Abort);
        }

        CheckWaiters();
    }

    private int CountListening() => _connections.Count(c => c.Listening);

    /// <summary>Under <see cref="_lock"/>.</summary>
    private void CheckWaiters()
    {
        var listening = CountListening();
        for (var i = _listenWaiters.Count - 1; i >= 0; i--)
        {
            if (listening >= _listenWaiters[i].Count)
            {
                _listenWaiters[i].Done.TrySetResult();
                _listenWaiters.RemoveAt(i);
            }
        }
    }

    private static byte[] Authorization(string status, string action) => FakeWire.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("stream", "authorization");
        w.WriteStartObject("data");
        w.WriteString("status", status);
        w.WriteString("action", action);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static byte[] Error(string message) => FakeWire.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("action", "error");
        w.WriteStartObject("data");
        w.WriteString("error_message", message);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static bool IsConnectionGone(Exception e) =>
        e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException
            or ConnectionAbortedException or ChannelClosedException;

    private enum OutgoingKind
    {
        Message,
        Close,
        Abort,
    }

    private readonly record struct Outgoing(OutgoingKind Kind, byte[]? Payload, WebSocketCloseStatus CloseStatus, string CloseDescription)
    {
        public static readonly Outgoing Abort = new(OutgoingKind.Abort, null, default, "");

        public static Outgoing Message(byte[] payload) => new(OutgoingKind.Message, payload, default, "");

        public static Outgoing Close(WebSocketCloseStatus status, string description) => new(OutgoingKind.Close, null, status, description);
    }

    private sealed class Connection(WebSocket socket, HttpContext context)
    {
        public WebSocket Socket { get; } = socket;
        public HttpContext Context { get; } = context;
        public Channel<Outgoing> Outbox { get; } = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
        public bool Authenticated { get; set; }
        public bool Listening { get; set; }
        public bool Dropped { get; set; }

        public void Send(byte[] message) => Outbox.Writer.TryWrite(Outgoing.Message(message));
    }
}

using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.Orders;
using Meridian.Brokers.Alpaca.Reconciliation;
using Meridian.Brokers.Alpaca.Rest;
using Meridian.Brokers.Alpaca.Wire;
using Meridian.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.Streaming;

/// <summary>
/// Alpaca's trade-updates WebSocket: authenticate, listen to <c>trade_updates</c>, and hand every event's order (with
/// its execution, for fills) to the order's <see cref="IAlpacaOrderGrain"/>. The stream has no replay, so after every
/// (re)connect a reconciliation catches up over REST; drops reconnect with jittered exponential backoff. Keys refused
/// stop the stream (no retry storm); reconciliation keeps polling.
/// </summary>
public sealed partial class TradeUpdatesStream(
    AlpacaOptions options, AlpacaCredentials credentials, IGrainFactory grains, AlpacaReconciler reconciler, ILogger<TradeUpdatesStream> logger)
    : BackgroundService
{
    private const string Endpoint = "trade_updates";
    private readonly RecentExecutions _executions = new();
    private readonly ArrayBufferWriter<byte> _message = new();
    private readonly Random _jitter = new();
    private int _connections;

    /// <summary>True while authenticated and listening.</summary>
    public bool Listening { get; private set; }

    /// <summary>How many times the stream has started listening (the first connect and every reconnect).</summary>
    public int Connections => _connections;

    /// <summary>Why the stream stopped for good, when it did.</summary>
    public string? Stopped { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(options.TradingStreamUrl, stoppingToken).ConfigureAwait(false);
                if (!await OpenAsync(socket, stoppingToken).ConfigureAwait(false))
                    return;
                failures = 0;
                await ReadAsync(socket, stoppingToken).ConfigureAwait(false);
                Log.Closed(logger);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or JsonException or OperationCanceledException)
            {
                Log.Dropped(logger, e.Message);
            }
            finally
            {
                Listening = false;
            }
            failures++;
            var delay = options.StreamReconnect.Delay(failures, _jitter);
            await Task.Delay(delay, options.NetworkTime, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Authenticates and listens; false (and the stream stops) when Alpaca refuses the keys.</summary>
    private async Task<bool> OpenAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        await WebSocketMessages.SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(new
        {
            action = "authenticate",
            data = new { key_id = credentials.KeyId, secret_key = credentials.SecretKey },
        }), cancellationToken).ConfigureAwait(false);
        var authorization = await ControlAsync(socket, "authorization", cancellationToken).ConfigureAwait(false);
        if (authorization.Status != "authorized")
        {
            Stopped = $"Alpaca refused the keys on the trade-updates stream ({authorization.Status}); check {AlpacaSettings.KeyId} and {AlpacaSettings.SecretKey}";
            Log.Unauthorized(logger, Stopped);
            return false;
        }
        await WebSocketMessages.SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(new
        {
            action = "listen",
            data = new { streams = new[] { Endpoint } },
        }), cancellationToken).ConfigureAwait(false);
        await ControlAsync(socket, "listening", cancellationToken).ConfigureAwait(false);
        Listening = true;
        Interlocked.Increment(ref _connections);
        Log.Listening(logger, options.TradingStreamUrl);
        // Events sent while nobody listened are gone: catch up over REST.
        reconciler.Request("trade-updates stream connected");
        return true;
    }

    private async Task<TradeUpdate> ControlAsync(ClientWebSocket socket, string stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!await ReceiveAsync(socket, cancellationToken).ConfigureAwait(false))
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"closed while waiting for '{stream}'");
            if (Parse(_message.WrittenMemory) is { Stream: var s, Data: { } data } && s == stream)
                return data;
        }
    }

    private Task<bool> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken) =>
        WebSocketMessages.ReceiveAsync(socket, _message, WebSocketMessages.MaxMessageBytes, cancellationToken);

    private async Task ReadAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        while (await ReceiveAsync(socket, cancellationToken).ConfigureAwait(false))
        {
            var bytes = _message.WrittenMemory;
            if (bytes.Length <= 1)
                continue; // a heartbeat byte
            TradeUpdateMessage? message;
            try
            {
                message = JsonSerializer.Deserialize<TradeUpdateMessage>(bytes.Span, AlpacaJson.Options);
            }
            catch (JsonException e)
            {
                Log.ContractMismatch(logger, Endpoint, $"field '{(string.IsNullOrEmpty(e.Path) ? "(message)" : e.Path.TrimStart('$', '.'))}': {e.Message.Split(" Path:", 2)[0]}");
                reconciler.Request("a trade update broke the contract");
                continue;
            }
            if (message is { Stream: Endpoint, Data: { } update })
                await HandleAsync(update).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(TradeUpdate update)
    {
        AlpacaOrder order;
        try
        {
            order = AlpacaContract.Order(update.Order, Endpoint, "data.order.");
        }
        catch (AlpacaApiException e)
        {
            Log.ContractMismatch(logger, Endpoint, e.AlpacaMessage);
            reconciler.Request("a trade update broke the contract");
            return;
        }
        AlpacaFillEvent? execution = null;
        if (update.Event is "fill" or "partial_fill" && update.ExecutionId is { Length: > 0 } executionId)
        {
            if (!_executions.FirstTime(executionId))
            {
                Log.DuplicateExecution(logger, executionId);
                return;
            }
            if (update.Qty is > 0m && update.Price is > 0m)
                execution = new AlpacaFillEvent(executionId, update.Qty.Value, update.Price.Value, update.Timestamp ?? order.FilledAt ?? options.NetworkTime.GetUtcNow());
        }
        var known = await grains.GetGrain<IAlpacaOrderGrain>(order.ClientOrderId!).ObserveAsync(order, execution).ConfigureAwait(false);
        if (!known)
            reconciler.Request($"trade update for order {order.ClientOrderId} not placed by this platform");
    }

    private static TradeUpdateMessage? Parse(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<TradeUpdateMessage>(bytes.Span, AlpacaJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "listening to Alpaca trade updates at {Url}")]
        public static partial void Listening(ILogger logger, Uri url);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca trade-updates stream dropped: {Reason}; reconnecting")]
        public static partial void Dropped(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca closed the trade-updates stream; reconnecting")]
        public static partial void Closed(ILogger logger);

        [LoggerMessage(Level = LogLevel.Error, Message = "{Reason}. The stream is stopped; orders are followed by reconciliation only")]
        public static partial void Unauthorized(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "{Endpoint}: {Problem} (Alpaca's contract); the event is skipped and the order left for reconciliation")]
        public static partial void ContractMismatch(ILogger logger, string endpoint, string problem);

        [LoggerMessage(Level = LogLevel.Debug, Message = "execution {ExecutionId} seen before; duplicate trade update ignored")]
        public static partial void DuplicateExecution(ILogger logger, string executionId);
    }
}

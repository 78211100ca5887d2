using System.Buffers;
using System.Net.WebSockets;
using Meridian.Brokers.Alpaca.Streaming;
using System.Text;
using System.Text.Json;
using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Runtime;
using Meridian.Runtime.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.MarketData;

/// <summary>
/// Alpaca's real-time stock data (<see cref="AlpacaOptions.DataStreamUrl"/>) fed into the platform's market-data
/// streams: minute bars (<c>"T":"b"</c>, and <c>"u"</c> corrections) as <see cref="Bar"/>s on
/// <see cref="MarketDataStreams.Bars"/>/symbol and trades (<c>"T":"t"</c>) as <see cref="Trade"/>s on
/// <see cref="MarketDataStreams.Trades"/>/symbol, for <see cref="AlpacaOptions.StreamSymbols"/>.
/// <para>
/// The protocol: Alpaca greets with <c>[{"T":"success","msg":"connected"}]</c>; the service sends
/// <c>{"action":"auth","key":..,"secret":..}</c>, waits for <c>authenticated</c>, then sends
/// <c>{"action":"subscribe","bars":[..],"trades":[..]}</c>. Frames are JSON arrays of messages (text or binary, put
/// together until the end of the message). A malformed message, or a bar or trade the platform's types cannot hold, is
/// logged with its field and skipped.
/// </para>
/// <para>
/// Failures: Alpaca's 402 (auth failed) and 401 (not authenticated) stop the service with an error naming the key
/// settings, as do 405 (symbol limit) and 409 (insufficient subscription): reconnecting cannot fix them. 406
/// (connection limit) waits <see cref="AlpacaStreamSettings.ConnectionLimitDelay"/>; any other error, a drop or a
/// timeout reconnects with exponential backoff and jitter (<see cref="AlpacaStreamSettings"/>), then authenticates and
/// subscribes again.
/// </para>
/// </summary>
public sealed partial class AlpacaMarketDataStream : BackgroundService
{
    private readonly AlpacaOptions _options;
    private readonly AlpacaCredentials _credentials;
    private readonly IClusterClient _client;
    private readonly ILogger _logger;
    private readonly AlpacaStreamSettings _settings;
    private readonly Random _jitter = new();

    public AlpacaMarketDataStream(
        AlpacaOptions options, AlpacaCredentials credentials, IClusterClient client, ILogger<AlpacaMarketDataStream> logger, AlpacaStreamSettings? settings = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _settings = settings ?? new AlpacaStreamSettings();
    }

    private enum Outcome
    {
        /// <summary>Dropped, failed or refused for a passing reason: reconnect after the backoff.</summary>
        Reconnect,

        /// <summary>Alpaca's 406: another connection holds the slot; reconnect after the longer wait.</summary>
        ConnectionLimit,

        /// <summary>Nothing a reconnect can fix: stop.</summary>
        Stop,
    }

    private enum Phase
    {
        AwaitingGreeting,
        AwaitingAuthentication,
        Streaming,
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var symbols = _options.StreamSymbols.Select(s => s.Value).Distinct(StringComparer.Ordinal).ToList();
        if (symbols.Count == 0)
        {
            LogNoSymbols(_logger);
            return;
        }
        var provider = _client.GetStreamProvider(MarketDataStreams.Provider);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var session = new Session(this, provider, symbols);
            (Outcome Outcome, string Reason) end;
            try
            {
                LogConnecting(_logger, _options.DataStreamUrl, symbols.Count);
                end = await session.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or InvalidOperationException or HttpRequestException)
            {
                // OperationCanceledException here is the handshake's deadline (the service is not stopping).
                end = (Outcome.Reconnect, e is OperationCanceledException ? $"no answer within {_settings.HandshakeTimeout.TotalSeconds:0.###} s during the handshake" : e.Message);
            }
            if (end.Outcome == Outcome.Stop)
            {
                LogStopped(_logger, end.Reason);
                return;
            }
            failures = session.Subscribed ? 1 : failures + 1;
            var delay = end.Outcome == Outcome.ConnectionLimit ? _settings.ConnectionLimitWait(_jitter) : _settings.ReconnectDelay(failures, _jitter);
            LogReconnecting(_logger, end.Reason, delay.TotalMilliseconds, failures);
            try
            {
                await Task.Delay(delay, _settings.Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The subscribe request: bars and trades (and corrected bars when asked) of every symbol.</summary>
    private byte[] SubscribeMessage(IReadOnlyList<string> symbols) => Json(writer =>
    {
        writer.WriteString("action", "subscribe");
        WriteList(writer, "bars", symbols);
        WriteList(writer, "trades", symbols);
        if (_settings.UpdatedBars)
            WriteList(writer, "updatedBars", symbols);
    });

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private byte[] AuthMessage() => Json(writer =>
    {
        writer.WriteString("action", "auth");
        writer.WriteString("key", _credentials.KeyId);
        writer.WriteString("secret", _credentials.SecretKey);
    });

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One connection: greeting, authentication, subscription, then data until it ends.</summary>
    private sealed class Session(AlpacaMarketDataStream owner, IStreamProvider provider, IReadOnlyList<string> symbols)
    {
        private readonly ArrayBufferWriter<byte> _frame = new();
        private Phase _phase = Phase.AwaitingGreeting;

        /// <summary>True once Alpaca confirmed the subscription: the session worked, and the backoff starts again.</summary>
        public bool Subscribed { get; private set; }

        private ILogger Logger => owner._logger;

        public async Task<(Outcome, string)> RunAsync(CancellationToken stoppingToken)
        {
            var settings = owner._settings;
            using var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = settings.KeepAlive;
            socket.Options.KeepAliveTimeout = settings.KeepAlive;
            using var deadline = new CancellationTokenSource(settings.HandshakeTimeout, settings.Time);
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
            await socket.ConnectAsync(owner._options.DataStreamUrl, handshake.Token).ConfigureAwait(false);
            while (true)
            {
                var token = _phase == Phase.Streaming ? stoppingToken : handshake.Token;
                if (!await ReceiveAsync(socket, token).ConfigureAwait(false))
                    return (Outcome.Reconnect, $"Alpaca closed the connection ({socket.CloseStatus} {socket.CloseStatusDescription})".TrimEnd());
                if (await HandleFrameAsync(socket, token).ConfigureAwait(false) is { } end)
                {
                    await CloseAsync(socket).ConfigureAwait(false);
                    return end;
                }
            }
        }

        /// <summary>Reads one whole message into the frame buffer; false when the server closed the connection.</summary>
        private Task<bool> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken) =>
            WebSocketMessages.ReceiveAsync(socket, _frame, owner._settings.MaxMessageBytes, cancellationToken);

        /// <summary>Handles every message of the frame in order; the session's end when one ends it.</summary>
        private async Task<(Outcome, string)?> HandleFrameAsync(ClientWebSocket socket, CancellationToken cancellationToken)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(_frame.WrittenMemory);
            }
            catch (JsonException e)
            {
                LogMalformedFrame(Logger, e.Message.Split(" LineNumber:", 2)[0], Excerpt(_frame.WrittenSpan));
                return null;
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                    return await HandleMessageAsync(socket, root, cancellationToken).ConfigureAwait(false);
                if (root.ValueKind != JsonValueKind.Array)
                {
                    LogMalformedFrame(Logger, $"expected a JSON array of messages, found {JsonFields.Describe(root)}", Excerpt(_frame.WrittenSpan));
                    return null;
                }
                foreach (var message in root.EnumerateArray())
                {
                    if (await HandleMessageAsync(socket, message, cancellationToken).ConfigureAwait(false) is { } end)
                        return end;
                }
                return null;
            }
        }

        private async Task<(Outcome, string)?> HandleMessageAsync(ClientWebSocket socket, JsonElement message, CancellationToken cancellationToken)
        {
            if (message.ValueKind != JsonValueKind.Object)
            {
                LogMalformedMessage(Logger, "?", "?", $"expected a message object, found {JsonFields.Describe(message)}");
                return null;
            }
            if (JsonFields.Text(message, "T", out var type) is { } typeProblem)
            {
                LogMalformedMessage(Logger, "?", AlpacaStreamMessages.SymbolOf(message) ?? "?", typeProblem);
                return null;
            }
            switch (type)
            {
                case "b" or "u":
                    if (AlpacaStreamMessages.ReadBar(message, out var barProblem) is { } bar)
                        await PublishAsync(MarketDataStreams.Bars, bar.Symbol, bar).ConfigureAwait(false);
                    else
                        LogMalformedMessage(Logger, type, AlpacaStreamMessages.SymbolOf(message) ?? "?", barProblem!);
                    return null;
                case "t":
                    if (AlpacaStreamMessages.ReadTrade(message, out var tradeProblem) is { } trade)
                        await PublishAsync(MarketDataStreams.Trades, trade.Symbol, trade).ConfigureAwait(false);
                    else
                        LogMalformedMessage(Logger, type, AlpacaStreamMessages.SymbolOf(message) ?? "?", tradeProblem!);
                    return null;
                case "success":
                    return await OnSuccessAsync(socket, message, cancellationToken).ConfigureAwait(false);
                case "subscription":
                    Subscribed = true;
                    LogSubscribed(Logger, Count(message, "bars"), Count(message, "trades"));
                    return null;
                case "error":
                    return OnError(message);
                default:
                    // Quotes, statuses, LULDs, corrections, daily bars: not used by the platform.
                    return null;
            }
        }

        private async Task<(Outcome, string)?> OnSuccessAsync(ClientWebSocket socket, JsonElement message, CancellationToken cancellationToken)
        {
            var said = message.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : null;
            if (said == "connected" && _phase == Phase.AwaitingGreeting)
            {
                _phase = Phase.AwaitingAuthentication;
                await SendAsync(socket, owner.AuthMessage(), cancellationToken).ConfigureAwait(false);
            }
            else if (said == "authenticated" && _phase == Phase.AwaitingAuthentication)
            {
                _phase = Phase.Streaming;
                LogAuthenticated(Logger, owner._credentials.MaskedKeyId);
                await SendAsync(socket, owner.SubscribeMessage(symbols), cancellationToken).ConfigureAwait(false);
            }
            return null;
        }

        private (Outcome, string) OnError(JsonElement message)
        {
            var code = message.TryGetProperty("code", out var codeValue) && codeValue.TryGetInt32(out var number) ? number : 0;
            var said = message.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : "no message";
            var error = $"Alpaca's data stream answered error {code} ({said})";
            return code switch
            {
                402 or 401 => (Outcome.Stop,
                    $"{error}: the key was refused. Check the settings {AlpacaDataSettings.KeySettings}; the stream does not reconnect until the silo restarts"),
                405 => (Outcome.Stop, $"{error}: too many symbols for the plan ({symbols.Count} asked; the free IEX plan allows 30 for trades)"),
                409 => (Outcome.Stop, $"{error}: the data plan does not include this feed ({owner._options.DataStreamUrl}); use the iex feed without a paid plan"),
                406 => (Outcome.ConnectionLimit, $"{error}: another connection with this key holds the stream (Alpaca allows one per user)"),
                _ => (Outcome.Reconnect, error),
            };
        }

        private async Task PublishAsync<T>(string streamNamespace, Symbol symbol, T item)
        {
            try
            {
                await provider.GetStream<T>(StreamId.Create(streamNamespace, symbol.Value)).OnNextAsync(item).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPublishFailed(Logger, streamNamespace, symbol.Value, e);
            }
        }

        private static async Task SendAsync(ClientWebSocket socket, byte[] message, CancellationToken cancellationToken) =>
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);

        private static async Task CloseAsync(ClientWebSocket socket)
        {
            if (socket.State != WebSocketState.Open)
                return;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Closing politely is a courtesy; the socket is disposed either way.
            }
        }

        private static int Count(JsonElement message, string channel) =>
            message.TryGetProperty(channel, out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;

        private static string Excerpt(ReadOnlySpan<byte> frame)
        {
            var text = Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, 200)]);
            return frame.Length > 200 ? text + "…" : text;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Alpaca data stream: no symbols to stream (AlpacaOptions.StreamSymbols is empty); not connecting")]
    private static partial void LogNoSymbols(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Alpaca data stream: connecting to {Url} for {Symbols} symbols")]
    private static partial void LogConnecting(ILogger logger, Uri url, int symbols);

    [LoggerMessage(3, LogLevel.Information, "Alpaca data stream: authenticated with {KeyId}")]
    private static partial void LogAuthenticated(ILogger logger, string keyId);

    [LoggerMessage(4, LogLevel.Information, "Alpaca data stream: subscribed to bars of {Bars} and trades of {Trades} symbols")]
    private static partial void LogSubscribed(ILogger logger, int bars, int trades);

    [LoggerMessage(5, LogLevel.Warning, "Alpaca data stream: {Reason}; reconnecting in {DelayMs:0} ms (attempt {Attempt})")]
    private static partial void LogReconnecting(ILogger logger, string reason, double delayMs, int attempt);

    [LoggerMessage(6, LogLevel.Error, "Alpaca data stream stopped: {Reason}")]
    private static partial void LogStopped(ILogger logger, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Alpaca data stream: skipped a '{Type}' message of {Symbol}: {Problem}")]
    private static partial void LogMalformedMessage(ILogger logger, string type, string symbol, string problem);

    [LoggerMessage(8, LogLevel.Warning, "Alpaca data stream: skipped a frame that is not JSON messages ({Problem}): {Excerpt}")]
    private static partial void LogMalformedFrame(ILogger logger, string problem, string excerpt);

    [LoggerMessage(9, LogLevel.Warning, "Alpaca data stream: publishing to {Namespace}/{Symbol} failed")]
    private static partial void LogPublishFailed(ILogger logger, string @namespace, string symbol, Exception exception);
}

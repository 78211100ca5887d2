using System.Threading.Channels;
using Meridian.Brokers.Alpaca.Configuration;
using Meridian.Brokers.Alpaca.MarketData;
using Meridian.Grains;
using Meridian.Grains.Domain;
using Meridian.Grains.MarketData;
using Meridian.Runtime.Streams;
using Meridian.Runtime.TestingHost;
using Microsoft.Extensions.Logging;

namespace Meridian.Brokers.Alpaca.Tests.MarketData;

/// <summary>
/// The real-time stream against the fake's WebSocket, publishing into a test silo's market-data streams. Every wait is
/// on an event (the fake's stream events, a test observer's channel, the service's end), bounded by a timeout that
/// fails the test.
/// </summary>
public sealed class AlpacaMarketDataStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(30);
    private readonly CapturedLogger<AlpacaMarketDataStream> _logs = new();
    private readonly CancellationTokenSource _timeout = new(s_limit);
    private readonly List<AlpacaMarketDataStream> _services = [];
    private FakeDataServer _fake = null!;
    private TestSilo _silo = null!;

    /// <summary>Quick reconnects; a 406 would wait an hour, so a test passing through one proves which wait was taken.</summary>
    private static readonly AlpacaStreamSettings s_fast = new()
    {
        ReconnectBase = TimeSpan.FromMilliseconds(10),
        ReconnectCap = TimeSpan.FromMilliseconds(50),
        ConnectionLimitDelay = TimeSpan.FromHours(1),
    };

    private CancellationToken Cancel => _timeout.Token;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeDataServer.StartAsync();
        _silo = await TestSilo.StartAsync(silo => silo.AddTrading());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }
        await _silo.DisposeAsync();
        await _fake.DisposeAsync();
        _timeout.Dispose();
    }

    private AlpacaMarketDataStream Start(string? secret = null, AlpacaStreamSettings? settings = null, params string[] symbols)
    {
        var options = new AlpacaOptions
        {
            DataStreamUrl = _fake.StreamUrl,
            StreamSymbols = [.. (symbols.Length > 0 ? symbols : ["AAPL", "MSFT"]).Select(Symbol.Parse)],
        };
        var service = new AlpacaMarketDataStream(options, MarketDataTestData.Credentials(secret), _silo.Client, _logs, settings ?? s_fast);
        _services.Add(service);
        _ = service.StartAsync(Cancel);
        return service;
    }

    private async Task<ChannelReader<T>> ObserveAsync<T>(string streamNamespace, string symbol)
    {
        var channel = Channel.CreateUnbounded<T>();
        var stream = _silo.Client.GetStreamProvider(MarketDataStreams.Provider).GetStream<T>(StreamId.Create(streamNamespace, symbol));
        await stream.SubscribeAsync((item, _) =>
        {
            channel.Writer.TryWrite(item);
            return Task.CompletedTask;
        });
        return channel.Reader;
    }

    private static Bar Bar(string symbol, string time, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new(Symbol.Parse(symbol), DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(1),
            Price.Of(open), Price.Of(high), Price.Of(low), Price.Of(close), volume);

    [Fact]
    public async Task Bars_and_trades_reach_the_silo_s_streams_of_their_symbols()
    {
        var aaplBars = await ObserveAsync<Bar>(MarketDataStreams.Bars, "AAPL");
        var msftTrades = await ObserveAsync<Trade>(MarketDataStreams.Trades, "MSFT");
        Start();

        var subscribed = await _fake.WaitForAsync("subscribed", Cancel);
        await _fake.SendAsync("""
            [{"T":"b","S":"AAPL","o":187.15,"h":187.5,"l":187.01,"c":187.25,"v":12000,"t":"2024-03-01T14:31:00Z","n":120,"vw":187.2},
             {"T":"t","S":"MSFT","i":96921,"x":"V","p":415.1,"s":100,"c":["@"],"t":"2024-03-01T14:31:05.123456789Z","z":"C"},
             {"T":"u","S":"AAPL","o":187.15,"h":187.6,"l":187.01,"c":187.3,"v":12500,"t":"2024-03-01T14:31:00Z","n":125,"vw":187.21}]
            """, Cancel);

        Assert.Equal(["AAPL", "MSFT"], subscribed.Bars!);
        Assert.Equal(["AAPL", "MSFT"], subscribed.Trades!);
        Assert.Equal(Bar("AAPL", "2024-03-01T14:31:00Z", 187.15m, 187.5m, 187.01m, 187.25m, 12000m), await aaplBars.ReadAsync(Cancel));
        // The corrected bar of the same minute follows as the minute's bar again.
        Assert.Equal(Bar("AAPL", "2024-03-01T14:31:00Z", 187.15m, 187.6m, 187.01m, 187.3m, 12500m), await aaplBars.ReadAsync(Cancel));
        // Nine fractional digits: the last two are dropped (a DateTimeOffset keeps seven).
        var trade = await msftTrades.ReadAsync(Cancel);
        Assert.Equal(new Trade(Symbol.Parse("MSFT"), new DateTimeOffset(2024, 3, 1, 14, 31, 5, TimeSpan.Zero).AddTicks(1234567), Price.Of(415.1m), Quantity.Of(100m)), trade);
        Assert.Equal(1, _fake.StreamConnections);
    }

    [Fact]
    public async Task A_dropped_connection_is_made_again_authenticated_and_subscribed_again()
    {
        var bars = await ObserveAsync<Bar>(MarketDataStreams.Bars, "MSFT");
        Start();
        await _fake.WaitForAsync("subscribed", Cancel);
        await _fake.SendAsync("""[{"T":"b","S":"MSFT","o":415,"h":416,"l":414,"c":415.5,"v":900,"t":"2024-03-01T14:31:00Z"}]""", Cancel);
        Assert.Equal(415.5m, (await bars.ReadAsync(Cancel)).Close.Value);

        _fake.Drop();

        var events = new List<StreamEvent>();
        while (events.LastOrDefault()?.Kind != "subscribed")
            events.Add(await _fake.NextEventAsync(Cancel));
        // The server sees the old connection end and the new one start in either order.
        Assert.Equal(
            [new("closed", 1), new("connected", 2), new("authenticated", 2)],
            events.SkipLast(1).OrderBy(e => e.Connection).ThenBy(e => e.Kind == "authenticated"));
        var again = events[^1];
        Assert.Equal(2, again.Connection);
        Assert.Equal(["AAPL", "MSFT"], again.Bars!);
        Assert.Equal(["AAPL", "MSFT"], again.Trades!);
        await _fake.SendAsync("""[{"T":"b","S":"MSFT","o":415.5,"h":417,"l":415,"c":416.75,"v":700,"t":"2024-03-01T14:32:00Z"}]""", Cancel);
        Assert.Equal(Bar("MSFT", "2024-03-01T14:32:00Z", 415.5m, 417m, 415m, 416.75m, 700m), await bars.ReadAsync(Cancel));
        Assert.Equal(2, _fake.StreamConnections);
        Assert.Contains(_logs.At(LogLevel.Warning), line => line.StartsWith("Alpaca data stream: ", StringComparison.Ordinal) && line.Contains("reconnecting in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_key_stops_the_service_after_one_connection_naming_the_settings_not_the_secret()
    {
        var service = Start(secret: "wrong-secret");

        await service.ExecuteTask!.WaitAsync(Cancel);

        Assert.Equal(new StreamEvent("refused 402", 1), await _fake.WaitForAsync("refused 402", Cancel));
        Assert.Equal(1, _fake.StreamConnections);
        var stopped = Assert.Single(_logs.At(LogLevel.Error));
        Assert.Equal(
            "Alpaca data stream stopped: Alpaca's data stream answered error 402 (auth failed): the key was refused. Check the settings "
            + "ALPACA_API_KEY_ID and ALPACA_API_SECRET_KEY (or APCA_API_KEY_ID and APCA_API_SECRET_KEY); the stream does not reconnect until the silo restarts",
            stopped);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("wrong-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_messages_and_bars_the_platform_cannot_hold_are_logged_with_their_field_and_skipped()
    {
        var bars = await ObserveAsync<Bar>(MarketDataStreams.Bars, "AAPL");
        var trades = await ObserveAsync<Trade>(MarketDataStreams.Trades, "AAPL");
        Start();
        await _fake.WaitForAsync("subscribed", Cancel);

        await _fake.SendAsync("<html>not JSON</html>", Cancel);
        await _fake.SendAsync("""
            [{"T":"b","S":"AAPL","o":187,"h":188,"l":186,"v":100,"t":"2024-03-01T14:31:00Z"},
             {"T":"b","S":"AAPL","o":-1,"h":188,"l":186,"c":187,"v":100,"t":"2024-03-01T14:32:00Z"},
             {"T":"b","S":"AAPL","o":187,"h":186,"l":188,"c":187,"v":100,"t":"2024-03-01T14:33:00Z"},
             {"T":"b","S":"AAPL","o":187,"h":188,"l":186,"c":187,"v":100,"t":"yesterday"},
             {"T":"t","S":"AAPL","p":"187.5","s":10,"t":"2024-03-01T14:34:00Z"},
             {"T":"q","S":"AAPL","bx":"V","bp":187.4,"bs":3,"ax":"V","ap":187.6,"as":2,"t":"2024-03-01T14:34:00Z"},
             42,
             {"S":"AAPL"},
             {"T":"b","S":"AAPL","o":187.1,"h":187.9,"l":186.9,"c":187.6,"v":3000,"t":"2024-03-01T14:35:00Z"}]
            """, Cancel);
        await _fake.SendBinaryInTwoFramesAsync("""[{"T":"t","S":"AAPL","i":1,"x":"V","p":187.55,"s":25,"c":["@"],"t":"2024-03-01T14:35:30Z","z":"C"}]""", Cancel);

        // Only the last bar and the trade of the binary message get through, in order, on one connection.
        Assert.Equal(Bar("AAPL", "2024-03-01T14:35:00Z", 187.1m, 187.9m, 186.9m, 187.6m, 3000m), await bars.ReadAsync(Cancel));
        Assert.Equal(new Trade(Symbol.Parse("AAPL"), new DateTimeOffset(2024, 3, 1, 14, 35, 30, TimeSpan.Zero), Price.Of(187.55m), Quantity.Of(25m)), await trades.ReadAsync(Cancel));
        Assert.False(bars.TryRead(out _));
        Assert.False(trades.TryRead(out _));
        Assert.Equal(1, _fake.StreamConnections);
        var warnings = _logs.At(LogLevel.Warning).ToList();
        Assert.Equal(
        [
            "Alpaca data stream: skipped a frame that is not JSON messages ('<' is an invalid start of a value.): <html>not JSON</html>",
            "Alpaca data stream: skipped a 'b' message of AAPL: field 'c' is missing",
            "Alpaca data stream: skipped a 'b' message of AAPL: field 'o': price -1 is not positive",
            "Alpaca data stream: skipped a 'b' message of AAPL: high 186 is below low 188",
            "Alpaca data stream: skipped a 'b' message of AAPL: field 't': 'yesterday' is not an RFC-3339 time",
            "Alpaca data stream: skipped a 't' message of AAPL: field 'p': expected a number, found a string (\"187.5\")",
            "Alpaca data stream: skipped a '?' message of ?: expected a message object, found a number (42)",
            "Alpaca data stream: skipped a '?' message of AAPL: field 'T' is missing",
        ], warnings);
    }

    [Fact]
    public async Task A_connection_limit_waits_the_longer_delay_before_connecting_again()
    {
        // A normal reconnect would wait at least half an hour here; only the 406 wait is short.
        _fake.RefuseNextAuthentication(406);
        Start(settings: s_fast with { ReconnectBase = TimeSpan.FromHours(1), ReconnectCap = TimeSpan.FromHours(1), ConnectionLimitDelay = TimeSpan.FromMilliseconds(10) });

        Assert.Equal(new StreamEvent("refused 406", 1), await _fake.WaitForAsync("refused 406", Cancel));
        var subscribed = await _fake.WaitForAsync("subscribed", Cancel);

        Assert.Equal(2, subscribed.Connection);
        Assert.Contains(_logs.At(LogLevel.Warning), line => line.Contains("error 406 (connection limit exceeded): another connection with this key holds the stream", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_without_the_feed_stops_the_service_after_one_connection()
    {
        _fake.RefuseNextAuthentication(409);
        var service = Start();

        await service.ExecuteTask!.WaitAsync(Cancel);

        Assert.Equal(1, _fake.StreamConnections);
        Assert.Equal(
            $"Alpaca data stream stopped: Alpaca's data stream answered error 409 (insufficient subscription): the data plan does not include this feed ({_fake.StreamUrl}); use the iex feed without a paid plan",
            Assert.Single(_logs.At(LogLevel.Error)));
    }

    [Fact]
    public async Task A_server_that_never_greets_is_given_up_after_the_handshake_timeout_and_tried_again()
    {
        _fake.SilenceNextConnection();
        Start(settings: s_fast with { HandshakeTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(new StreamEvent("silent", 1), await _fake.WaitForAsync("silent", Cancel));
        var subscribed = await _fake.WaitForAsync("subscribed", Cancel);

        Assert.Equal(2, subscribed.Connection);
        Assert.Contains(_logs.At(LogLevel.Warning), line => line.StartsWith("Alpaca data stream: no answer within 0.3 s during the handshake; reconnecting in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_symbols_the_service_does_not_connect()
    {
        var service = new AlpacaMarketDataStream(new AlpacaOptions { DataStreamUrl = _fake.StreamUrl }, MarketDataTestData.Credentials(), _silo.Client, _logs, s_fast);
        _services.Add(service);
        await service.StartAsync(Cancel);

        await service.ExecuteTask!.WaitAsync(Cancel);

        Assert.Equal(0, _fake.StreamConnections);
        Assert.Equal(["Alpaca data stream: no symbols to stream (AlpacaOptions.StreamSymbols is empty); not connecting"], _logs.At(LogLevel.Information));
    }
}
